/**
 * A CSV export through `ingestCsv`, as `starbranch ingest` runs it, on the files colleges really
 * send: the same export resaved by Excel, exports from before today's ids, other encodings, a form
 * with a question the schema does not have.
 */
import { createHash } from 'node:crypto';
import { reprocessRejected } from '../../src/app/reprocess';
import { DEFAULT_CONFIG } from '../../src/domain/config';
import { ACTIVITY_FORM } from '../../src/domain/forms';
import { ActivitiesTable, RejectedTable } from '../../src/domain/schema/tables';
import { readFormsCsv, writeFormsCsv } from '../../src/local/formsCsv';
import { ingestCsv } from '../../src/local/ingestCsv';
import {
  activityAnswers,
  editRow,
  FixedClock,
  MemoryStore,
  records,
  seedProgramme,
  type TestPorts,
} from '../support/fakes';

/** B001, B002 approved. */
function programme(): TestPorts {
  const store = new MemoryStore();
  return seedProgramme(store, new FixedClock('2026-11-01 08:00:00'), { branches: 2 }).ports;
}

interface ExportRow {
  timestamp: string;
  email?: string;
  answers: Record<string, string>;
}

/** Activity reports as Google exports them (zh-CN): one of them with an unreadable head count. */
function googleRows(): ExportRow[] {
  return Array.from({ length: 6 }, (_, i) => ({
    timestamp: `2026/10/${11 + i} 下午2:0${i}:${String(17 + i)}`,
    email: `s${i}@example.edu.cn`,
    answers: activityAnswers(i % 2 === 0 ? 'B001' : 'B002', {
      date: `2026/10/${10 + i}`,
      title: `读书会 ${i + 1}`,
      participants: i === 3 ? '三十' : '30',
      funds: i === 1 ? '1,200.50' : i === 2 ? '80.00' : '',
    }),
  }));
}

/**
 * The same rows opened in Excel and saved as CSV again: seconds dropped from the timestamps, dates
 * written year-first with dashes, numbers as Excel writes values.
 */
function resavedByExcel(rows: readonly ExportRow[]): ExportRow[] {
  return rows.map((row) => {
    const [, y, mo, d, half, h, mi] = /^(\d+)\/(\d+)\/(\d+) (上午|下午)(\d+):(\d+)/.exec(
      row.timestamp,
    )!;
    const hour = (Number(h) % 12) + (half === '下午' ? 12 : 0);
    const funds = row.answers.funds ? String(Number(row.answers.funds.replace(/,/g, ''))) : '';
    return {
      ...row,
      timestamp: `${y}/${mo}/${d} ${hour}:${mi}`,
      answers: {
        ...row.answers,
        date: row.answers.date!.replace(/^(\d+)\/(\d+)\/(\d+)$/, (_, a, b, c) =>
          [a, b.padStart(2, '0'), c.padStart(2, '0')].join('-'),
        ),
        participants: row.answers.participants === '30' ? '030' : row.answers.participants!,
        funds,
      },
    };
  });
}

const exportCsv = (rows: readonly ExportRow[]) => writeFormsCsv(ACTIVITY_FORM, rows, 'zh-CN');

describe('an export resaved by Excel', () => {
  test('adds only the rows that are new', () => {
    const ports = programme();
    const rows = googleRows();
    expect(ingestCsv(ports, 'activity', exportCsv(rows), 'a.csv')).toMatchObject({
      added: 5,
      rejected: 1,
    });
    const resaved = resavedByExcel(rows);
    expect(exportCsv(resaved)).not.toContain(':17');
    const newRow: ExportRow = {
      timestamp: '2026/10/20 9:30',
      answers: activityAnswers('B001', { date: '2026-10-19', title: '新的活动' }),
    };
    const report = ingestCsv(ports, 'activity', exportCsv([...resaved, newRow]), 'a-excel.csv');
    expect(report).toMatchObject({ added: 1, rejected: 0, skipped: 6 });
    expect(records(ports.store, ActivitiesTable)).toHaveLength(6);
    expect(records(ports.store, RejectedTable)).toHaveLength(1);
  });

  test('leaves a row staff already fixed where it is', () => {
    const ports = programme();
    const rows = googleRows();
    ingestCsv(ports, 'activity', exportCsv(rows), 'a.csv');
    const [bad] = records(ports.store, RejectedTable);
    editRow(ports.store, RejectedTable, bad!.responseId, (row) => ({
      ...row,
      payload: JSON.stringify({ ...(JSON.parse(row.payload) as object), 参加人数: '30' }),
    }));
    expect(reprocessRejected(ports)).toMatchObject({ moved: 1 });

    const report = ingestCsv(ports, 'activity', exportCsv(resavedByExcel(rows)), 'a-excel.csv');
    expect(report).toMatchObject({ added: 0, rejected: 0, skipped: 6 });
    const rejected = records(ports.store, RejectedTable);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.resolved).toBe(true);
    expect(records(ports.store, ActivitiesTable)).toHaveLength(6);
  });
});

describe('rows ingested before response ids were computed by responseIdOf', () => {
  /** The id the CSV reader gave a row before: SHA-256 over the exact parts, seconds included. */
  const legacyId = (parts: unknown) =>
    `csv-${createHash('sha256').update(JSON.stringify(parts), 'utf8').digest('hex').slice(0, 16)}`;

  test('an export ingested then is recognised when ingested again', () => {
    const ports = programme();
    const rows = googleRows();
    ingestCsv(ports, 'activity', exportCsv(rows), 'a.csv');
    // Rewrite every stored id as the former reader made it.
    const idAnswers = (answers: Record<string, string>) =>
      Object.keys(answers)
        .sort()
        .map((key) => [key, answers[key]!.trim()])
        .filter(([, value]) => value !== '');
    const legacy = rows.map((row, i) =>
      legacyId([
        'activity',
        `2026-10-${11 + i} 14:0${i}:${17 + i}`,
        row.email,
        idAnswers(row.answers),
      ]),
    );
    const read = readFormsCsv(exportCsv(rows), 'activity', {
      rubric: DEFAULT_CONFIG.defenseRubric,
      dayOrder: 'mdy',
      fileName: 'a.csv',
    });
    const toLegacy = new Map(read.responses.map((r, i) => [r.responseId, legacy[i]!]));
    for (const def of [ActivitiesTable, RejectedTable]) {
      const values = ports.store.read(def);
      ports.store.write(
        def,
        values.map((cells) => cells.map((cell) => toLegacy.get(String(cell)) ?? cell)),
      );
    }
    expect(records(ports.store, ActivitiesTable).map((a) => a.responseId)).toEqual(
      expect.arrayContaining([legacy[0], legacy[5]]),
    );

    const report = ingestCsv(ports, 'activity', exportCsv(rows), 'a.csv');
    expect(report).toMatchObject({ added: 0, rejected: 0, skipped: 6 });
  });
});
