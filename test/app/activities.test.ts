import { rescoreActivities } from '../../src/app/activities';
import { Table } from '../../src/app/table';
import { DEFAULT_CONFIG } from '../../src/domain/config';
import type { Cell } from '../../src/domain/schema/column';
import { ActivitiesTable, type Activity } from '../../src/domain/schema/tables';
import type { TableDef } from '../../src/domain/schema/table';
import type { TableStore } from '../../src/ports';

function storeWith(activities: Activity[]): TableStore {
  const tables = new Map<string, Cell[][]>();
  const store: TableStore = {
    read: (def: TableDef) => tables.get(def.name) ?? [],
    write: (def: TableDef, rows: Cell[][]) => void tables.set(def.name, rows),
    addSheet: (name: string) => name,
    writeSheet: () => undefined,
  };
  const table = Table.read(store, ActivitiesTable, 'zh-CN');
  activities.forEach((a) => table.upsert(a));
  table.save(store, 'zh-CN');
  return store;
}

const report = (responseId: string, submittedAt: string, title: string): Activity => ({
  responseId,
  submittedAt,
  branch: 'B001',
  date: '2026-10-10',
  kind: 'book',
  title,
  description: null,
  participants: 30,
  nonParty: 20,
  counselorPresent: false,
  evidenceLink: 'https://pan.example.edu.cn/s/x',
  funds: null,
  status: 'submitted',
  points: null,
  note: null,
  publishable: null,
});

describe('rescoreActivities', () => {
  it('marks a repeat as duplicate with 0 points and scores the original (10 + 20/10 = 12)', () => {
    const store = storeWith([
      report('r1', '2026-10-11 09:00:00', '读《红岩》分享会'),
      report('r2', '2026-10-11 10:00:00', '读 红岩 分享会！'),
    ]);
    const table = Table.read(store, ActivitiesTable, 'zh-CN');
    rescoreActivities(table, DEFAULT_CONFIG);
    const [first, second] = table.records();
    expect([first!.status, first!.points]).toEqual(['submitted', 12]);
    expect([second!.status, second!.points, second!.note]).toEqual(['duplicate', 0, '与 r1 重复']);
    const english = Table.read(
      storeWith([
        report('r1', '2026-10-11 09:00:00', 'a'),
        report('r2', '2026-10-11 10:00:00', 'a'),
      ]),
      ActivitiesTable,
      'en',
    );
    rescoreActivities(english, { ...DEFAULT_CONFIG, locale: 'en' });
    expect(english.get('r2')!.note).toBe('duplicate of r1');
  });

  it.each([
    ['Chinese', '与 r1 重复'],
    ['English', 'duplicate of r1'],
    ['both, as older workbooks have it', '与 r1 重复 / duplicate of r1'],
  ])('takes back its own duplicate note in %s once the original is gone', (_, note) => {
    const store = storeWith([
      { ...report('r2', '2026-10-11 10:00:00', 'x'), status: 'duplicate', note },
    ]);
    const table = Table.read(store, ActivitiesTable, 'zh-CN');
    rescoreActivities(table, DEFAULT_CONFIG);
    expect(table.get('r2')).toMatchObject({ status: 'submitted', note: null });
  });

  it('un-marks the repeat when staff reject the original, and scores it', () => {
    const store = storeWith([
      report('r1', '2026-10-11 09:00:00', '读《红岩》分享会'),
      report('r2', '2026-10-11 10:00:00', '读《红岩》分享会'),
    ]);
    const table = Table.read(store, ActivitiesTable, 'zh-CN');
    rescoreActivities(table, DEFAULT_CONFIG);
    table.upsert({ ...table.get('r1')!, status: 'rejected' });
    rescoreActivities(table, DEFAULT_CONFIG);
    expect(table.get('r1')!.points).toBe(0);
    expect(table.get('r2')).toMatchObject({ status: 'submitted', points: 12, note: null });
  });

  it('recognises the repeat notes earlier versions wrote (both languages in one)', () => {
    const store = storeWith([
      report('r1', '2026-10-11 09:00:00', '读《红岩》分享会'),
      report('r2', '2026-10-11 10:00:00', '读《红岩》分享会'),
    ]);
    const table = Table.read(store, ActivitiesTable, 'zh-CN');
    rescoreActivities(table, DEFAULT_CONFIG);
    table.upsert({ ...table.get('r2')!, note: '与 r1 重复 / duplicate of r1' });
    table.upsert({ ...table.get('r1')!, status: 'rejected' });
    rescoreActivities(table, DEFAULT_CONFIG);
    expect(table.get('r2')).toMatchObject({ status: 'submitted', note: null });
  });

  it("writes the note in the workbook's language", () => {
    const store = storeWith([
      report('r1', '2026-10-11 09:00:00', '读《红岩》分享会'),
      report('r2', '2026-10-11 10:00:00', '读《红岩》分享会'),
    ]);
    const table = Table.read(store, ActivitiesTable, 'zh-CN');
    rescoreActivities(table, { ...DEFAULT_CONFIG, locale: 'en' });
    expect(table.get('r2')!.note).toBe('duplicate of r1');
  });

  it('leaves a staff note on a duplicate alone', () => {
    const store = storeWith([
      { ...report('r2', '2026-10-11 10:00:00', 'x'), status: 'duplicate', note: '人工判定重复' },
    ]);
    const table = Table.read(store, ActivitiesTable, 'zh-CN');
    expect(rescoreActivities(table, DEFAULT_CONFIG)).toBe(1);
    expect(table.get('r2')).toMatchObject({ status: 'duplicate', points: 0, note: '人工判定重复' });
  });
});
