/**
 * The meeting board (DESIGN §13): the tally counts votes, never shows who voted what, and once staff
 * close the vote its result is exactly what `finalize` records; votes after the close do not count.
 */
import fc from 'fast-check';
import { boardTally, closeVote, readBoard } from '../../src/app/board';
import { ingestResponses } from '../../src/app/ingest';
import { finaliseMonth } from '../../src/app/monthly';
import { publicBoard, PUBLIC_BOARD_FIELDS } from '../../src/app/publicBoard';
import { readConfig } from '../../src/app/context';
import { Table } from '../../src/app/table';
import {
  MonthlyResultsTable,
  OnsiteVotesTable,
  ShowcaseTable,
  type ShowcasePick,
} from '../../src/domain/schema/tables';
import {
  FixedClock,
  MemoryStore,
  records,
  response,
  seedProgramme,
  upsertRows,
  voteAnswers,
  type TestPorts,
} from '../support/fakes';

const MONTH = '2026-10';

function pick(branch: string, reason: ShowcasePick['reason']): ShowcasePick {
  return {
    month: MONTH,
    branch,
    branchName: null,
    reason,
    note: null,
    score: null,
    drawnAt: `${MONTH}-25 18:00:00`,
    voteClosedAt: null,
  };
}

/** Six approved branches; B001–B003 present (B003 as a spot check, listed first). */
function meeting(): TestPorts {
  const { ports } = seedProgramme(new MemoryStore(), new FixedClock('2026-10-27 14:00:00'), {
    branches: 6,
  });
  upsertRows(ports.store, ShowcaseTable, [
    pick('B003', 'spot'),
    pick('B001', 'top'),
    pick('B002', 'top'),
  ]);
  return ports;
}

let n = 0;
function vote(ports: TestPorts, at: string, judge: string, branch: string, score: string) {
  const report = ingestResponses(ports, [
    response('vote', `v-${++n}`, at, voteAnswers(MONTH, judge, branch, score)),
  ]);
  expect(report.added).toBe(1);
}

function walkKeys(value: unknown, keys: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => walkKeys(v, keys));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      keys.add(k);
      walkKeys(v, keys);
    }
  }
  return keys;
}

describe('the tally', () => {
  test('counts one vote per judge and branch, the judges who voted, top picks first', () => {
    const ports = meeting();
    vote(ports, '2026-10-27 15:00:00', '王老师', 'B001', '88');
    vote(ports, '2026-10-27 15:01:00', '李老师', 'B001', '90');
    vote(ports, '2026-10-27 15:02:00', '王老师', 'B002', '80');
    // 王老师 corrects her B001 score: the earlier one is superseded, not a second vote.
    vote(ports, '2026-10-27 15:03:00', '王老师', 'B001', '86.5');
    const board = readBoard(ports, MONTH);
    expect(board.presenters.map((p) => [p.branch, p.reason, p.votes])).toEqual([
      ['B001', 'top', 2],
      ['B002', 'top', 1],
      ['B003', 'spot', 0],
    ]);
    expect(board).toMatchObject({
      voters: 2,
      votes: 3,
      closedAt: null,
      lateVotes: 0,
      result: null,
    });
  });

  test('the public payload names no judge and no score while the vote is open, and holds only allow-listed keys', () => {
    const ports = meeting();
    vote(ports, '2026-10-27 15:00:00', '评委甲', 'B001', '61.37');
    vote(ports, '2026-10-27 15:00:30', '评委乙', 'B002', '72.19');
    const json = JSON.stringify(publicBoard(readBoard(ports, MONTH)));
    for (const secret of ['评委甲', '评委乙', '61.37', '72.19']) expect(json).not.toContain(secret);
    const keys = walkKeys(JSON.parse(json));
    expect([...keys].filter((k) => !PUBLIC_BOARD_FIELDS.has(k))).toEqual([]);
  });

  test('a month without a showcase has no presenters and nothing to close', () => {
    const ports = meeting();
    expect(readBoard(ports, '2026-11').presenters).toEqual([]);
    expect(() => closeVote(ports, '2026-11')).toThrow('2026-11尚未抽取示范支部，没有可结束的投票');
  });
});

describe('closing the vote', () => {
  test('stamps the month’s showcase rows once; closing again keeps the first close', () => {
    const ports = meeting();
    ports.clock.set('2026-10-27 16:00:00');
    const first = closeVote(ports, MONTH);
    expect(first.alreadyClosed).toBe(false);
    ports.clock.set('2026-10-27 17:00:00');
    const again = closeVote(ports, MONTH);
    expect(again.alreadyClosed).toBe(true);
    expect(records(ports.store, ShowcaseTable).map((s) => s.voteClosedAt)).toEqual([
      '2026-10-27 16:00:00',
      '2026-10-27 16:00:00',
      '2026-10-27 16:00:00',
    ]);
    expect(again.summary[0]).toContain('2026-10-27 16:00:00');
  });

  test('a vote submitted after the close is kept but counts neither on the board nor in finalize', () => {
    const ports = meeting();
    const judges = ['甲', '乙', '丙', '丁', '戊'];
    judges.forEach((j, i) => vote(ports, `2026-10-27 15:0${i}:00`, j, 'B001', String(80 + i)));
    judges.slice(0, 3).forEach((j, i) => vote(ports, `2026-10-27 15:1${i}:00`, j, 'B002', '70'));
    ports.clock.set('2026-10-27 16:00:00');
    closeVote(ports, MONTH);
    // Two more judges vote for B002 after the close: they would lift it past B001.
    vote(ports, '2026-10-27 16:00:01', '己', 'B002', '100');
    vote(ports, '2026-10-27 18:30:00', '庚', 'B002', '100');
    expect(records(ports.store, OnsiteVotesTable)).toHaveLength(10);

    const board = readBoard(ports, MONTH);
    expect(board.presenters.find((p) => p.branch === 'B002')!.votes).toBe(3);
    expect(board.lateVotes).toBe(2);
    // B001: 80..84, trimmed (5 judges) → mean of 81, 82, 83 = 82.
    expect(board.result).toEqual({
      starBranches: [{ branch: 'B001', score: '82.00' }],
      scores: [
        { branch: 'B001', score: '82.00' },
        { branch: 'B002', score: '70.00' },
        { branch: 'B003', score: null },
      ],
    });

    ports.clock.set('2026-11-01 02:00:00');
    const final = finaliseMonth(ports, MONTH);
    expect(final.starBranches).toEqual(['B001']);
    const onsite = new Map(final.results.map((r) => [r.branch, r.onsiteScore]));
    expect(onsite.get('B002')).toBe(70);
    expect(onsite.get('B001')).toBe(82);
  });

  test('reopening (staff clear 投票截止时间) counts the late votes again', () => {
    const ports = meeting();
    ['甲', '乙', '丙'].forEach((j) => vote(ports, '2026-10-27 15:00:00', j, 'B001', '80'));
    ports.clock.set('2026-10-27 16:00:00');
    closeVote(ports, MONTH);
    vote(ports, '2026-10-27 16:30:00', '丁', 'B001', '90');
    expect(readBoard(ports, MONTH).presenters[0]!.votes).toBe(3);
    const showcase = Table.read(ports.store, ShowcaseTable, 'zh-CN');
    for (const s of showcase.records()) showcase.upsert({ ...s, voteClosedAt: null });
    showcase.save(ports.store, 'zh-CN');
    expect(readBoard(ports, MONTH)).toMatchObject({ closedAt: null, votes: 4, result: null });
  });
});

describe('the result is what finalize records', () => {
  const judges = ['甲', '乙', '丙', '丁', '戊', '己', '庚'];
  const arbVote = fc.record({
    judge: fc.constantFrom(...judges),
    branch: fc.constantFrom('B001', 'B002', 'B003'),
    hundredths: fc.integer({ min: 6000, max: 10000 }),
    minute: fc.integer({ min: 0, max: 59 }),
  });

  test('for any votes and any close, star branch and every presenter’s on-site score agree', () => {
    fc.assert(
      fc.property(
        fc.array(arbVote, { maxLength: 24 }),
        fc.integer({ min: 0, max: 59 }),
        (votes, closeMinute) => {
          const ports = meeting();
          const at = (minute: number) => `2026-10-27 15:${String(minute).padStart(2, '0')}:00`;
          const responses = votes.map((v, i) =>
            response(
              'vote',
              `p-${i}`,
              at(v.minute),
              voteAnswers(MONTH, v.judge, v.branch, (v.hundredths / 100).toFixed(2)),
            ),
          );
          ingestResponses(ports, responses);
          ports.clock.set(at(closeMinute));
          const board = closeVote(ports, MONTH).board;
          ports.clock.set('2026-11-01 02:00:00');
          const final = finaliseMonth(ports, MONTH);

          const stored = records(ports.store, MonthlyResultsTable).filter((r) => r.month === MONTH);
          expect(board.result!.starBranches.map((s) => s.branch)).toEqual(final.starBranches);
          for (const star of board.result!.starBranches) {
            expect(Number(star.score)).toBe(
              stored.find((r) => r.branch === star.branch)!.onsiteScore,
            );
          }
          for (const s of board.result!.scores) {
            const row = stored.find((r) => r.branch === s.branch)!;
            expect(s.score === null ? null : Number(s.score)).toBe(row.onsiteScore);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('boardTally', () => {
  test('is pure: the same inputs give the same board', () => {
    const ports = meeting();
    vote(ports, '2026-10-27 15:00:00', '甲', 'B001', '80');
    const config = readConfig(ports);
    const inputs = {
      config,
      branches: [],
      showcase: records(ports.store, ShowcaseTable),
      votes: records(ports.store, OnsiteVotesTable),
    };
    expect(boardTally(inputs, MONTH)).toEqual(boardTally(inputs, MONTH));
    // Without the Branches table the names fall back to the branch ids.
    expect(boardTally(inputs, MONTH).presenters.map((p) => p.name)).toEqual([
      'B001',
      'B002',
      'B003',
    ]);
  });
});
