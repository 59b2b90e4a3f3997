/**
 * Letters resume within the day whatever stops their continuation: a busy lock, a transient
 * error in the middle, the 6-minute limit, or all of these at once with the continuation itself
 * lost (then the daily run notices the letters due). Each award ends with exactly one letter,
 * never two. Each case failed before continuations were kept until a run made progress.
 */
import { t } from '../../src/domain/messages';
import {
  activityAnswers,
  applicationAnswers,
  branchChoice,
  compactSheets,
  editRows,
  freshGas,
  reviewBranches,
  sheetRecords,
  SHEETS,
  submit,
  type Gas,
  completeDefense,
} from './support';
import { nextClockRun } from '../sandbox/services';

const DOC_MIME = 'application/vnd.google-apps.document';

/** Four approved branches with October reports, October finalised, awards selected. */
function withAwards(): Gas {
  const gas = freshGas();
  compactSheets(gas.world);
  for (let i = 1; i <= 4; i++) submit(gas, 'application', applicationAnswers(`第${i}党支部`));
  reviewBranches(gas.world, ['B001', 'B002', 'B003', 'B004']);
  gas.bundle.call('refreshFormChoices');
  gas.world.setNow(new Date('2026-10-20T10:00:00+08:00'));
  for (let i = 1; i <= 4; i++) {
    submit(gas, 'activity', activityAnswers(branchChoice({ id: `B00${i}`, name: `第${i}党支部` })));
  }
  gas.world.setNow(new Date('2027-07-01T09:00:00+08:00'));
  // The clock jumped months ahead: the daily trigger next fires tomorrow, not 250 times now.
  for (const trigger of gas.world._triggers) {
    if (trigger.clock) trigger.nextRunMs = nextClockRun(trigger.clock, gas.world.nowMs);
  }
  gas.bundle.run('finaliseMonthNow', ['2026-10']);
  editRows(gas.world, SHEETS.config, (r) => r['键'] === 'requireCompliance', { 值: 'false' });
  completeDefense(gas);
  expect(gas.bundle.run('selectAwardsNow', []).ok).toBe(true);
  // Each letter takes 100 s to copy: a run makes three, then continues itself.
  gas.world.setCost('Drive.Files.copy', 100_000);
  return gas;
}

function continuations(gas: Gas) {
  return gas.world.triggers().filter((t) => t.handler === 'continueLetters');
}

/** Every award has one letter, and there is no other letter. */
function expectOneLetterEach(gas: Gas): void {
  const awards = sheetRecords(gas.world, SHEETS.awards);
  const links = awards.map((a) => a['证书文件']);
  expect(links.filter((l) => !l)).toEqual([]);
  expect(new Set(links).size).toBe(awards.length);
  const template = sheetRecords(gas.world, SHEETS.config).find(
    (r) => r['键'] === 'letterTemplate',
  )!['值'];
  const docs = gas.world.files().filter((f) => f.mimeType === DOC_MIME && f.id !== template);
  expect(docs.map((d) => d.id).sort()).toEqual([...links].map(String).sort());
  expect(continuations(gas)).toEqual([]);
}

/** Lets the clock run until the end of the day, as Google would fire the triggers. */
function restOfDay(gas: Gas) {
  return gas.bundle.runClock('2027-07-01T23:59:00+08:00');
}

describe('letters resume within the day', () => {
  it('when the continuation finds the lock busy', () => {
    const gas = withAwards();
    expect(gas.bundle.call<string>('generateLetters')).toContain(
      t('zh-CN', 'menu.lettersContinue'),
    );
    gas.world.holdLock();
    const busy = gas.bundle.runClock(61_000);
    expect(busy.map((r) => [r.execution.label, r.ok])).toEqual([['continueLetters', false]]);
    expect(continuations(gas)).toHaveLength(1);
    gas.world.releaseLock();
    restOfDay(gas);
    expectOneLetterEach(gas);
  });

  it('when a call fails in the middle of a continuation', () => {
    const gas = withAwards();
    gas.bundle.call('generateLetters');
    gas.world.failAt(
      'Docs.Documents.batchUpdate',
      'Exception: Service Documents failed while accessing document.',
    );
    const failed = gas.bundle.runClock(61_000);
    expect(failed.map((r) => r.ok)).toEqual([false]);
    expect(continuations(gas)).toHaveLength(1);
    restOfDay(gas);
    expectOneLetterEach(gas);
  });

  it('when a run is killed at the time limit', () => {
    const gas = withAwards();
    gas.world.setCost('Drive.Files.copy', 0);
    // The third letter's fill hangs past the 6-minute limit: the run dies before it saves.
    // (Killed in the one call between copying a letter and recording the copy, a run would leave
    // that copy behind unfilled: the known limit of test/gas/faults.test.ts, not a second letter.)
    gas.world.beforeCall(
      (name, n) => name === 'Docs.Documents.batchUpdate' && n === 3,
      () => gas.world.advance(400_000),
    );
    const first = gas.bundle.run('generateLetters', []);
    expect(first.ok).toBe(false);
    expect(String(first.error)).toMatch(/Exceeded maximum execution time/);
    expect(continuations(gas)).toHaveLength(1);
    restOfDay(gas);
    expectOneLetterEach(gas);
  });

  it('when the continuation itself is lost, the daily run notices the letters due', () => {
    const gas = withAwards();
    gas.bundle.call('generateLetters');
    gas.world.holdLock();
    // Busy, and rescheduling fails too: only the spent trigger is left.
    gas.world.failAt(
      (name, n) => name === 'ScriptApp.getProjectTriggers' && n === 1,
      'Exception: Service unavailable: script',
    );
    gas.bundle.runClock(61_000);
    gas.world.releaseLock();
    // Nothing but the ten-minute sweeps of the response sheets runs for the rest of the day.
    expect(restOfDay(gas).filter((r) => r.execution.label !== 'sweepInbox')).toEqual([]);
    expect(sheetRecords(gas.world, SHEETS.awards).some((a) => !a['证书文件'])).toBe(true);
    // The daily trigger fires somewhere in its hour (06:00–07:00), at a minute drawn when made.
    const daily = gas.bundle.runClock('2027-07-02T07:00:00+08:00');
    expect(daily.map((r) => r.execution.label)).toContain('dailyTrigger');
    gas.bundle.runClock('2027-07-02T12:00:00+08:00');
    expectOneLetterEach(gas);
  });
});
