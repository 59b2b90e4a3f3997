/**
 * Faults: a thrown error (quota, service unavailable, time limit) at each service call of a job.
 * Running the job again afterwards (or, for a form submission that Google will not retry, the
 * daily reconciliation) always converges to the state of a clean run: no row, letter or trigger
 * twice, none missing.
 */
import {
  activityAnswers,
  applicationAnswers,
  branchChoice,
  compactSheets,
  completeDefense,
  editRows,
  freshGas,
  isResponseRead,
  measure,
  reviewBranches,
  sheetRecords,
  SHEETS,
  submit,
  type Gas,
} from './support';

const FAULTS = [
  'Exception: Service invoked too many times for one day: docs create.',
  'Exception: Service Spreadsheets failed while accessing document.',
  'Exception: Exceeded maximum execution time',
];

/** The service calls of a clean run, as (method, occurrence) pairs: each is a place to fail. */
function faultPoints(calls: Record<string, number>): { method: string; nth: number }[] {
  return (
    Object.entries(calls)
      // The page cache is best effort: a job does not fail with it (tested in pageCache.test.ts).
      .filter(([method]) => !isResponseRead(method) && !method.startsWith('Cache'))
      .flatMap(([method, count]) =>
        Array.from({ length: count }, (_, i) => ({ method, nth: i + 1 })),
      )
  );
}

function failOnce(gas: Gas, point: { method: string; nth: number }, error: string): void {
  gas.world.failAt((name, n) => name === point.method && n === point.nth, error);
}

/** Everything a job may write, as staff would compare it (the run log aside). */
function state(gas: Gas) {
  const { world } = gas;
  const files = world.files();
  // File ids depend on how many were drawn before; what matters is that the id names a real file.
  const real = (value: unknown) =>
    typeof value === 'string' && files.some((f) => f.id === value) ? '(a file id)' : value;
  return {
    sheets: Object.fromEntries(
      Object.entries(SHEETS)
        .filter(([key]) => key !== 'log')
        .map(([key, name]) => [
          key,
          sheetRecords(world, name).map((r) =>
            Object.fromEntries(Object.entries(r).map(([k, v]) => [k, real(v)])),
          ),
        ]),
    ),
    files: files.map((f) => f.mimeType).sort(),
    triggers: world
      .triggers()
      .map((t) => `${t.handler}|${t.eventType}|${t.sourceId === null ? '' : 'form'}`)
      .sort(),
  };
}

/** Ten approved branches, each with an October activity: ready for a month's finalisation. */
function programme(): Gas {
  const gas = freshGas();
  compactSheets(gas.world);
  for (let i = 1; i <= 4; i++) {
    submit(gas, 'application', applicationAnswers(`第${i}党支部`));
  }
  reviewBranches(gas.world, ['B001', 'B002', 'B003', 'B004']);
  gas.bundle.call('refreshFormChoices');
  gas.world.setNow(new Date('2026-10-20T10:00:00+08:00'));
  for (let i = 1; i <= 4; i++) {
    submit(gas, 'activity', activityAnswers(branchChoice({ id: `B00${i}`, name: `第${i}党支部` })));
  }
  return gas;
}

describe('a form submission cut off at any service call', () => {
  it('is picked up exactly once by the daily reconciliation', () => {
    const gas = programme();
    const branch = branchChoice({ id: 'B001', name: '第1党支部' });
    const clean = measure(gas.world, () =>
      submit(gas, 'activity', activityAnswers(branch, { title: '基线活动' })),
    );
    expect(clean.value.run.ok).toBe(true);
    const points = faultPoints(clean.calls);
    expect(points.length).toBeGreaterThanOrEqual(8);
    points.forEach((point, i) => {
      failOnce(gas, point, FAULTS[i % FAULTS.length]!);
      const { run } = submit(gas, 'activity', activityAnswers(branch, { title: `活动${i}` }));
      if (run.ok) throw new Error(`${point.method}#${point.nth}: the fault did not stop the run`);
    });
    const missing = () =>
      points.filter(
        (_, i) =>
          !sheetRecords(gas.world, SHEETS.activities).some((r) => r['活动名称'] === `活动${i}`),
      );
    expect(missing().length).toBeGreaterThan(0);
    gas.bundle.run('dailyTrigger', [], { kind: 'trigger' });
    expect(missing()).toEqual([]);
    const ids = sheetRecords(gas.world, SHEETS.activities).map((r) => r['响应编号']);
    expect(ids.length).toBe(new Set(ids).size);
    expect(ids.length).toBe(4 + 1 + points.length);
    const before = state(gas);
    gas.bundle.run('dailyTrigger', [], { kind: 'trigger' });
    expect(state(gas)).toEqual(before);
  }, 60_000);
});

describe('a month finalisation cut off at any service call', () => {
  it('re-run converges to the clean result', () => {
    const gas = programme();
    gas.world.setNow(new Date('2026-11-01T09:00:00+08:00'));
    const clean = measure(gas.world, () => gas.bundle.run('finaliseMonthNow', ['2026-10']));
    expect(clean.value.ok).toBe(true);
    const expected = state(gas);
    // Start again from no results for the month, for every fault point.
    const points = faultPoints(clean.calls);
    for (const [i, point] of points.entries()) {
      gas.world.peek(() => {
        const sheet = gas.world.spreadsheet.getSheetByName(SHEETS.monthly)!;
        if (sheet.getLastRow() > 1) sheet.deleteRows(2, sheet.getLastRow() - 1);
      });
      failOnce(gas, point, FAULTS[i % FAULTS.length]!);
      const failed = gas.bundle.run('finaliseMonthNow', ['2026-10']);
      expect(failed.ok).toBe(false);
      expect(gas.bundle.run('finaliseMonthNow', ['2026-10']).ok).toBe(true);
      expect(state(gas)).toEqual(expected);
    }
  }, 60_000);
});

describe('letters cut off at any service call', () => {
  function withAwards(): Gas {
    const gas = programme();
    gas.world.setNow(new Date('2027-07-01T09:00:00+08:00'));
    // Staff finalise October and the defense, select awards, then letters are due.
    gas.bundle.run('finaliseMonthNow', ['2026-10']);
    completeDefense(gas);
    // One month of reports cannot meet the semester rule: staff waive it for this test.
    editRows(gas.world, SHEETS.config, (r) => r['键'] === 'requireCompliance', { 值: 'false' });
    expect(gas.bundle.run('selectAwardsNow', []).ok).toBe(true);
    expect(sheetRecords(gas.world, SHEETS.awards).length).toBeGreaterThanOrEqual(4);
    return gas;
  }

  it('never makes a letter twice, and a re-run finishes the rest', () => {
    const reference = withAwards();
    const from = reference.world.calls.log.length;
    const clean = measure(reference.world, () => reference.bundle.run('generateLetters', []));
    expect(clean.value.ok).toBe(true);
    const awards = sheetRecords(reference.world, SHEETS.awards).length;
    const documents = (gas: Gas) =>
      gas.world.files().filter((f) => f.mimeType === 'application/vnd.google-apps.document').length;
    expect(documents(reference)).toBe(awards + 1); // the template, and one per award
    const seen = new Map<string, number>();
    const order = reference.world.calls.log.slice(from).map((entry) => {
      const nth = (seen.get(entry.name) ?? 0) + 1;
      seen.set(entry.name, nth);
      return { method: entry.name, nth };
    });
    // Known limit: the one call that records a new copy's id. Cut there, the copy is left behind
    // unfilled (named as the letter, in the letters folder) and the re-run makes the letter anew.
    const points = order.filter(
      (p, i) =>
        !isResponseRead(p.method) &&
        order[i - 1]?.method !== 'Drive.Files.copy' &&
        (p.nth <= 2 || !/Drive|Docs|Properties/.test(p.method)),
    );
    expect(points.length).toBeGreaterThan(8);
    for (const [i, point] of points.entries()) {
      const gas = withAwards();
      failOnce(gas, point, FAULTS[i % FAULTS.length]!);
      gas.bundle.run('generateLetters', []);
      gas.bundle.run('generateLetters', []);
      const links = sheetRecords(gas.world, SHEETS.awards).map((r) => r['证书链接']);
      const where = `${point.method}#${point.nth}`;
      expect([where, links.filter((l) => !l).length]).toEqual([where, 0]);
      expect([where, documents(gas)]).toEqual([where, awards + 1]);
      expect([where, new Set(links).size]).toEqual([where, awards]);
    }
  }, 120_000);
});

// Setup cut off at any call: test/gas/setupFaults.test.ts.
