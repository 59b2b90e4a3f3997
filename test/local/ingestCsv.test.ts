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
  FixedClock,
  MemoryStore,
  records,
  seedProgramme,
  type TestPorts,
} from '../support/fakes';
import { editRejected } from '../support/rejectedSheet';
import { gb18030, unicodeText } from '../support/encodings';

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
    editRejected(ports.store, bad!.responseId, { 参加人数: '30' });
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

describe('exports in the encodings Excel saves', () => {
  const rows = googleRows().slice(0, 3);
  const zh = exportCsv(rows).replace(/^\uFEFF/, '');
  const en = writeFormsCsv(ACTIVITY_FORM, rows, 'en').replace(/^\uFEFF/, '');

  const ingested = (bytes: Uint8Array) => {
    const ports = programme();
    const report = ingestCsv(ports, 'activity', bytes, 'a.csv');
    return { report, activities: records(ports.store, ActivitiesTable) };
  };

  test.each([
    ['UTF-8 with BOM', Buffer.from(`\uFEFF${zh}`, 'utf8')],
    ['UTF-8 without BOM', Buffer.from(zh, 'utf8')],
    ['GB18030, Chinese titles', gb18030(zh)],
    ['GB18030, English titles and Chinese answers', gb18030(en)],
    ['UTF-16 LE (Unicode text)', unicodeText(zh, 'le')],
    ['UTF-16 BE', unicodeText(zh, 'be')],
  ])('%s: read as written, never garbled', (_, bytes) => {
    const { report, activities } = ingested(bytes);
    expect(report).toMatchObject({ added: 3, rejected: 0 });
    expect(activities.map((a) => [a.title, a.kind, a.description])).toEqual(
      rows.map((r) => [r.answers.title, 'book', '共读红色经典']),
    );
  });

  test('the summary says a file was not UTF-8', () => {
    expect(ingested(gb18030(zh)).report.summary[1]).toBe('a.csv 是 GB18030 编码，已按此读取');
    expect(ingested(Buffer.from(zh, 'utf8')).report.summary).toEqual([
      '新增 3 条，转入待处理 0 条，已有 0 条',
    ]);
  });

  test.each([
    [
      'Big5',
      Buffer.from([
        ...Buffer.from('Timestamp,Title\r\n10/15/2026 14:03:00,'),
        0xc5,
        0xaa,
        0xae,
        0xd1,
        0xb7,
        0x7c,
      ]),
    ],
    [
      'Latin-1 (Windows-1252)',
      Buffer.from('Timestamp,Title\r\n10/15/2026 14:03:00,caf\xe9 au lait\r\n', 'latin1'),
    ],
  ])('bytes in %s are refused, naming it and how to export UTF-8', (name, bytes) => {
    const ports = programme();
    expect(() => ingestCsv(ports, 'activity', bytes, 'a.csv')).toThrow(
      `a.csv：文件不是 \`UTF-8\` 编码（看起来是 ${name}）：请在 \`Google\` 表单中用“下载回复 (\`.csv\`)”导出，或在 \`Excel\` 中另存为“\`CSV UTF-8\`”`,
    );
    expect(records(ports.store, ActivitiesTable)).toEqual([]);
  });
});

describe('a form with a question the schema does not have', () => {
  test('its answers land in a same-named column of the table, and the summary says so', () => {
    const ports = programme();
    const csv = exportCsv(googleRows().slice(0, 2))
      .replace(/^[^\r\n]*/, (header) => `${header},活动地点`)
      .replace(/\r\n(.*)/g, (_, line: string) => `\r\n${line},图书馆`);
    const report = ingestCsv(ports, 'activity', csv, 'a.csv');
    expect(report.added).toBe(2);
    expect(report.summary).toContain(
      '另有 1 个问题不在表结构中：活动地点，答案已保存到活动表的同名列',
    );
    const sheet = ports.store.peek('Activities');
    const column = sheet[0]!.indexOf('活动地点');
    expect(sheet.slice(1).map((row) => row[column])).toEqual(['图书馆', '图书馆']);
  });
});
