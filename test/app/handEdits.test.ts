/**
 * What staff do to sheets by hand: a job names every cell it could not read (sheet, row, column),
 * keeps those rows as they are, and the Log records only how many cells there were.
 */
import { ingestResponses } from '../../src/app/ingest';
import { finaliseMonth } from '../../src/app/monthly';
import { readConfig } from '../../src/app/context';
import { BranchesTable, LogTable } from '../../src/domain/schema/tables';
import {
  applicationAnswers,
  FixedClock,
  MemoryStore,
  records,
  response,
  seedProgramme,
  setConfig,
} from '../support/fakes';

function programme() {
  const { ports } = seedProgramme(new MemoryStore(), new FixedClock('2026-09-15 09:00:00'), {
    branches: 3,
  });
  return ports;
}

/** Types `text` into the cell under `header` of the sheet's data row `row` (sheet numbering). */
function typeInto(store: MemoryStore, sheet: string, row: number, header: string, text: string) {
  const rows = store.peek(sheet);
  const column = rows[0]!.indexOf(header);
  rows[row - 1]![column] = text;
  store.put(sheet, rows);
}

describe('hand edits', () => {
  it('names the sheet, row and column of text typed into a number column', () => {
    const ports = programme();
    typeInto(ports.store, 'Branches', 3, '党员人数', '二十');
    ports.clock.set('2026-10-01 02:00:00');
    const report = finaliseMonth(ports, '2026-09');
    expect(report.summary).toContain(
      '未能读取：支部 第 3 行，党员人数："二十" is not a whole number; expected a whole number from 1 to 500',
    );
    // The branch whose row cannot be read is not ranked, and not silently dropped from the sheet.
    expect(report.results.map((r) => r.branch)).toEqual(['B001', 'B003']);
    expect(ports.store.peek('Branches')[2]![0]).toBe('B002');
  });

  it('keeps the unreadable row, cell for cell, through a job that rewrites the sheet', () => {
    const ports = programme();
    typeInto(ports.store, 'Branches', 3, '党员人数', '二十');
    const before = ports.store.peek('Branches')[2];
    ports.clock.set('2026-09-20 10:00:00');
    const report = ingestResponses(ports, [
      response('application', 'app-9', '2026-09-20 09:00:00', applicationAnswers('新支部')),
    ]);
    expect(report.added).toBe(1);
    const after = ports.store.peek('Branches');
    expect(after[2]).toEqual(before);
    expect(after).toHaveLength(5);
    expect(records(ports.store, BranchesTable).map((b) => b.id)).toEqual(['B001', 'B003', 'B004']);
  });

  it('logs how many cells were unreadable, never what they held', () => {
    const ports = programme();
    typeInto(ports.store, 'Branches', 2, '书记邮箱', 'not-an-email 张三');
    ports.clock.set('2026-10-01 02:00:00');
    finaliseMonth(ports, '2026-09');
    const log = records(ports.store, LogTable).at(-1)!;
    expect(log.message).toContain('1 个单元格无法读取');
    expect(log.message).not.toContain('张三');
  });

  it('refuses a Config value in the wrong form with the key and what is allowed', () => {
    const ports = programme();
    setConfig(ports.store, { monthlyTarget: '三十' });
    expect(() => readConfig(ports)).toThrow(
      'Config monthlyTarget: "三十" is not allowed; expected a number from 1 to 1000',
    );
    expect(() => finaliseMonth(ports, '2026-09')).toThrow('monthlyTarget');
  });

  it('names a deleted header as a missing column', () => {
    const ports = programme();
    const rows = ports.store.peek('Branches');
    rows[0]![rows[0]!.indexOf('支部层次')] = '';
    ports.store.put('Branches', rows);
    expect(() => finaliseMonth(ports, '2026-09')).toThrow(
      '支部: missing required column "支部层次" (Tier)',
    );
  });
});
