/**
 * The `Rejected` sheet's declaration: one column per question title (every form's branch in one),
 * headers in both languages unique, the failing answers of an open row marked, and which rows
 * are still waiting for staff.
 */
import { DEFAULT_CONFIG } from '../../src/domain/config';
import {
  answerKey,
  fieldText,
  isPending,
  rejectedTable,
  type RejectedRow,
} from '../../src/domain/schema/rejected';
import { formDef, FORM_NAMES } from '../../src/domain/forms';
import { headerRow } from '../../src/domain/schema/table';
import { normaliseHeader } from '../../src/domain/schema/rows';

const def = rejectedTable(DEFAULT_CONFIG.defenseRubric);

const row = (changes: Partial<RejectedRow> & Record<string, unknown> = {}): RejectedRow =>
  ({
    responseId: 'r1',
    form: 'activity',
    submittedAt: '2026-10-11 10:00:00',
    reason: 'why',
    field: null,
    handling: null,
    respondentEmail: null,
    resolved: false,
    handledAt: null,
    payload: null,
    ...changes,
  }) as RejectedRow;

describe('the Rejected table', () => {
  it('has a column for every question of every form, in both languages, no header twice', () => {
    for (const name of FORM_NAMES) {
      for (const question of formDef(name, DEFAULT_CONFIG.defenseRubric).questions) {
        expect((def.columns as Record<string, unknown>)[answerKey(question)]).toBeDefined();
      }
    }
    for (const locale of ['zh-CN', 'en'] as const) {
      const header = headerRow(def, locale).map(normaliseHeader);
      expect(new Set(header).size).toBe(header.length);
    }
    // The four branch questions (支部, 汇报支部, 答辩支部) share one column.
    const zh = headerRow(def, 'zh-CN');
    expect(zh).toContain('支部');
    expect(zh.filter((h) => ['汇报支部', '答辩支部'].includes(h))).toEqual([]);
    expect(headerRow(def, 'en').at(-1)).toBe('Raw payload');
  });

  it('marks the columns 待改字段 names, in either language, while the row is open', () => {
    const marks = (r: RejectedRow) => def.marks!(r as unknown as Record<string, unknown>);
    const open = row({ field: '参加人数、Evidence link', reason: '「参加人数」…' });
    expect(marks(open)).toEqual([
      {
        column: answerKey({ key: 'participants', zh: '参加人数' } as never),
        note: '「参加人数」…',
      },
      {
        column: answerKey({ key: 'evidenceLink', zh: '佐证材料链接' } as never),
        note: '「参加人数」…',
      },
    ]);
    expect(marks(row({ field: '不存在的列' }))).toEqual([]);
    expect(marks(row({ field: '支部', resolved: true }))).toEqual([]);
    // Dismissed but not yet closed by reprocess: still marked (the sheet still shows it).
    expect(marks(row({ field: '支部', handling: 'other' }))).toHaveLength(1);
  });

  it('names columns by their headers in the locale', () => {
    const keys = [answerKey({ key: 'branch', zh: '汇报支部' } as never), 'submittedAt'];
    expect(fieldText(def, keys, 'zh-CN')).toBe('支部、提交时间');
    expect(fieldText(def, keys, 'en')).toBe('Branch, Submitted at');
    expect(fieldText(def, [], 'en')).toBeNull();
  });

  it('a row waits for staff until it is moved or dismissed', () => {
    expect(isPending(row())).toBe(true);
    expect(isPending(row({ handling: 'fix' }))).toBe(true);
    expect(isPending(row({ handling: 'duplicate' }))).toBe(false);
    expect(isPending(row({ resolved: true }))).toBe(false);
  });
});
