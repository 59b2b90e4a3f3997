/**
 * Getting started without Google Forms, or checking a form before the first export: the five forms'
 * empty CSV templates (the header row a Google Forms export of each carries, with the exact
 * question titles, in one language) and the README's list of the question titles. Both come from
 * the form definitions (src/domain/forms.ts), the same ones ingest reads exports by, so neither
 * can drift from what ingest expects.
 */
import {
  FORM_NAMES,
  formDef,
  questionTitle,
  type FormDef,
  type FormName,
  type Question,
} from '../domain/forms';
import type { RubricCriterion } from '../domain/schema/defenseScores';
import { labelOf, type Locale } from '../domain/vocabulary';
import { writeFormsCsv } from './formsCsv';

export interface FormTemplate {
  readonly form: FormName;
  /** The form's title in the language, as its file is named: `支部申报表.csv`. */
  readonly fileName: string;
  /** The CSV: a UTF-8 BOM and one header row, the timestamp column then the questions. */
  readonly csv: string;
  readonly questions: number;
}

/** The empty CSV of each form, in the language, with the rubric's defense questions. */
export function formTemplates(
  rubric: readonly RubricCriterion[],
  locale: Locale,
): readonly FormTemplate[] {
  return FORM_NAMES.map((form) => {
    const def = formDef(form, rubric);
    return {
      form,
      fileName: `${locale === 'en' ? def.en : def.zh}.csv`,
      csv: writeFormsCsv(def, [], locale),
      questions: def.questions.length,
    };
  });
}

/** A question with more choices than this lists them in a table of their own. */
const INLINE_CHOICES = 3;

/** How a question is answered, in the README's words (Chinese first, as the forms are). */
function answerFormat(question: Question): string {
  if (question.key === 'branch') return 'a branch: `B007 支部名称`, `B007`, or its exact name';
  if (question.choices) {
    return question.choices.length > INLINE_CHOICES
      ? `one of the ${question.choices.length} choices below`
      : question.choices.map((c) => `${labelOf(c, 'zh-CN')} ${labelOf(c, 'en')}`).join(' / ');
  }
  switch (question.type) {
    case 'number':
      return question.max === undefined
        ? `number ≥ ${question.min ?? 0}`
        : `number ${question.min ?? 0}–${question.max}`;
    case 'date':
      return 'date, e.g. `2026-10-15`';
    case 'email':
      return 'email';
    case 'url':
      return 'link (URL)';
    case 'paragraph':
      return 'text, several lines';
    default:
      return question.key === 'month' ? 'month `YYYY-MM`, e.g. `2026-10`' : 'text';
  }
}

function formTable(def: FormDef): string {
  const rows = def.questions.map(
    (q, i) =>
      `| ${i + 1} | ${questionTitle(q, 'zh-CN')} | ${questionTitle(q, 'en')} | ${q.required ? '是 yes' : '否 no'} | ${answerFormat(q)} |`,
  );
  const long = def.questions.filter((q) => (q.choices?.length ?? 0) > INLINE_CHOICES);
  const choiceTables = long.map((q) =>
    [
      `${questionTitle(q, 'zh-CN')} · ${questionTitle(q, 'en')}:`,
      '',
      '| 选项 (zh-CN) | choice (en) |',
      '| ------------ | ----------- |',
      ...q.choices!.map((c) => `| ${labelOf(c, 'zh-CN')} | ${labelOf(c, 'en')} |`),
    ].join('\n'),
  );
  return [
    `**${def.zh}** · ${def.en} (\`--form ${def.name}\`)`,
    '',
    '| # | 问题 (zh-CN) | Question (en) | 必填 required | answer |',
    '| - | ------------ | ------------- | ------------- | ------ |',
    ...rows,
    ...choiceTables.flatMap((table) => ['', table]),
  ].join('\n');
}

/**
 * The README's list of every form's question titles (the defense form with the given rubric), as
 * Markdown. README.md holds it between `<!-- forms:begin -->` and `<!-- forms:end -->`; a test
 * checks that it is exactly this, and `node scripts/readme-forms.mjs` writes it.
 */
export function formsMarkdown(rubric: readonly RubricCriterion[]): string {
  return FORM_NAMES.map((form) => formTable(formDef(form, rubric))).join('\n\n');
}

export const README_FORMS_BEGIN = '<!-- forms:begin (generated from src/domain/forms.ts) -->';
export const README_FORMS_END = '<!-- forms:end -->';

/** The README with its forms section replaced by `section`; throws when the markers are missing. */
export function withFormsSection(readme: string, section: string): string {
  const begin = readme.indexOf(README_FORMS_BEGIN);
  const end = readme.indexOf(README_FORMS_END);
  if (begin < 0 || end < begin) {
    throw new Error(`README.md has no ${README_FORMS_BEGIN} … ${README_FORMS_END} section`);
  }
  return `${readme.slice(0, begin + README_FORMS_BEGIN.length)}\n\n${section}\n\n${readme.slice(end)}`;
}
