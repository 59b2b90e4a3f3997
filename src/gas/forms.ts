/**
 * The five Google Forms: created from the form definitions of the domain (the question titles are
 * the contract the ingest reads), kept in step with the approved branches, and read back into the
 * domain's `FormResponse`.
 */
import type { Config } from '../domain/config';
import {
  branchChoice,
  choiceLabels,
  formDef,
  FORM_NAMES,
  questionTitle,
  type FormDef,
  type FormName,
  type FormResponse,
  type Question,
} from '../domain/forms';
import { responseIdOf } from '../domain/responseId';
import type { Branch } from '../domain/schema/tables';
import { formatInZone } from '../domain/zonedTime';

const FORM_ID_KEY = (name: FormName) => `form:${name}`;
const FORM_BUILT_KEY = (name: FormName) => `form:${name}:built`;

/** Built validations, shared by every question that asks the same: a TextValidation is a value. */
type ValidationCache = Map<string, GoogleAppsScript.Forms.TextValidation | null>;

function validationFor(
  question: Question,
  cache: ValidationCache,
): GoogleAppsScript.Forms.TextValidation | null {
  const key = JSON.stringify([question.type, question.min, question.max, question.key === 'month']);
  if (!cache.has(key)) cache.set(key, buildValidation(question));
  return cache.get(key)!;
}

function buildValidation(question: Question): GoogleAppsScript.Forms.TextValidation | null {
  const builder = FormApp.createTextValidation();
  const zh = (text: string) => builder.setHelpText(text);
  switch (question.type) {
    case 'number':
      zh(`请输入 ${question.min ?? 0} 到 ${question.max ?? '∞'} 之间的数字`);
      if (question.max !== undefined)
        return builder.requireNumberBetween(question.min ?? 0, question.max).build();
      return builder.requireNumberGreaterThanOrEqualTo(question.min ?? 0).build();
    case 'email':
      zh('请输入有效的邮箱地址');
      return builder.requireTextIsEmail().build();
    case 'url':
      zh('请输入以 https:// 开头的链接');
      return builder.requireTextIsUrl().build();
    case 'text':
      if (question.key === 'month') {
        zh('格式 YYYY-MM，例如 2026-10');
        return builder.requireTextMatchesPattern('^\\d{4}-(0[1-9]|1[0-2])$').build();
      }
      zh('不超过 200 字');
      return builder.requireTextLengthLessThanOrEqualTo(200).build();
    default:
      return null;
  }
}

/**
 * One question, in as few calls as FormApp allows: add the item, title it, then only what differs
 * from a new item's defaults (required, help, choices, validation).
 */
function addQuestion(
  form: GoogleAppsScript.Forms.Form,
  question: Question,
  locale: Config['locale'],
  branchChoices: string[],
  validations: ValidationCache,
): void {
  const title = questionTitle(question, locale);
  let item:
    | GoogleAppsScript.Forms.TextItem
    | GoogleAppsScript.Forms.ParagraphTextItem
    | GoogleAppsScript.Forms.ListItem
    | GoogleAppsScript.Forms.DateItem;
  if (question.type === 'choice') {
    const list = form.addListItem();
    const choices = question.key === 'branch' ? branchChoices : choiceLabels(question, locale);
    list.setChoiceValues(choices.length > 0 ? choices : ['（暂无已通过的支部）']);
    item = list;
  } else if (question.type === 'paragraph') {
    item = form.addParagraphTextItem();
  } else if (question.type === 'date') {
    item = form.addDateItem();
  } else {
    const text = form.addTextItem();
    const validation = validationFor(question, validations);
    if (validation) text.setValidation(validation);
    item = text;
  }
  item.setTitle(title);
  // A new item is optional and has no help text: say so only when it differs.
  if (question.required) item.setRequired(true);
  if (question.helpZh) item.setHelpText(question.helpZh);
}

/** The spreadsheet a form sends its responses to; Forms throws when there is none yet. */
function destinationOf(form: GoogleAppsScript.Forms.Form): string | null {
  try {
    return form.getDestinationId();
  } catch {
    return null;
  }
}

/**
 * Fills a form with its questions, then links it. A form made in this run is empty; one left
 * half-built (and so unlinked) by a cut-off run is emptied and rebuilt whole.
 */
function buildForm(
  form: GoogleAppsScript.Forms.Form,
  fresh: boolean,
  def: FormDef,
  spreadsheetId: string,
  config: Config,
  branchChoices: string[],
  validations: ValidationCache,
): void {
  if (!fresh) for (const item of form.getItems()) form.deleteItem(item);
  form.setDescription(
    config.locale === 'en'
      ? `${config.collegeName} · advanced branch programme`
      : `${config.collegeName} · 先进党支部创建`,
  );
  form.setCollectEmail(true);
  form.setConfirmationMessage(
    config.locale === 'en' ? 'Thank you, your response was received.' : '提交成功，感谢！',
  );
  for (const question of def.questions) {
    addQuestion(form, question, config.locale, branchChoices, validations);
  }
  form.setDestination(FormApp.DestinationType.SPREADSHEET, spreadsheetId);
}

export interface EnsuredForms {
  /** Every form, with its id. */
  readonly all: Map<FormName, { readonly id: string; readonly form: GoogleAppsScript.Forms.Form }>;
  /** The forms built before this run: their branch dropdowns may be out of date. */
  readonly refresh: GoogleAppsScript.Forms.Form[];
}

/**
 * The forms, created once. A form's id is remembered the moment it exists and the form is marked
 * built only when every question is in, so a setup cut off half way finishes that form on the
 * next run instead of making another one.
 */
export function ensureForms(
  spreadsheetId: string,
  config: Config,
  approved: readonly Branch[],
  properties: GoogleAppsScript.Properties.Properties,
): EnsuredForms {
  const all: EnsuredForms['all'] = new Map();
  const refresh: GoogleAppsScript.Forms.Form[] = [];
  const choices = approved.map(branchChoice);
  const validations: ValidationCache = new Map();
  const known = properties.getProperties();
  for (const name of FORM_NAMES) {
    const def = formDef(name, config.defenseRubric);
    let id = known[FORM_ID_KEY(name)] ?? null;
    let form: GoogleAppsScript.Forms.Form | null = null;
    if (id) {
      try {
        form = FormApp.openById(id);
      } catch {
        form = null; // deleted by hand: make it again
      }
    }
    const fresh = form === null;
    if (!form) {
      form = FormApp.create(`${config.programYear} ${config.locale === 'en' ? def.en : def.zh}`);
      id = form.getId();
      properties.setProperty(FORM_ID_KEY(name), id);
      if (known[FORM_BUILT_KEY(name)] !== undefined)
        properties.deleteProperty(FORM_BUILT_KEY(name));
    }
    if (fresh || known[FORM_BUILT_KEY(name)] === undefined) {
      // Linking is a form's last step: a linked form was whole when the run was cut off. Built
      // again, its response sheet would keep a column for every question deleted.
      if (fresh || destinationOf(form) !== spreadsheetId) {
        buildForm(form, fresh, def, spreadsheetId, config, choices, validations);
      }
      if (name === 'defense') {
        properties.setProperty(DEFENSE_QUESTIONS_KEY, defenseQuestionTitles(config));
      }
      properties.setProperty(FORM_BUILT_KEY(name), 'yes');
    } else {
      if (name === 'defense') followRubric(form, spreadsheetId, config, approved, properties);
      refresh.push(form);
    }
    all.set(name, { id: id!, form });
  }
  return { all, refresh };
}

/** The defense form's question titles when it was last built, to tell a rubric change. */
const DEFENSE_QUESTIONS_KEY = 'form:defense:questions';

function defenseQuestionTitles(config: Config): string {
  return formDef('defense', config.defenseRubric)
    .questions.map((q) => questionTitle(q, config.locale))
    .join('\n');
}

/**
 * The defense form asks one question per rubric criterion: after the rubric changed in Config,
 * its questions are rebuilt (Setup, 刷新表单支部选项). Which questions it has is remembered in a
 * script property, so an unchanged form costs one property read, not a call per question; a form
 * built before that was remembered is read once. Google keeps the answers already sent (the
 * responses sheet keeps the old questions' columns), and the scores already ingested stay in
 * 答辩评分 until staff archive them. Returns whether the questions were rebuilt.
 */
export function followRubric(
  form: GoogleAppsScript.Forms.Form,
  spreadsheetId: string,
  config: Config,
  approved: readonly Branch[],
  properties: GoogleAppsScript.Properties.Properties,
): boolean {
  const expected = defenseQuestionTitles(config);
  const remembered =
    properties.getProperty(DEFENSE_QUESTIONS_KEY) ??
    form
      .getItems()
      .map((item) => item.getTitle())
      .join('\n');
  const rebuilt = remembered !== expected;
  if (rebuilt) {
    const def = formDef('defense', config.defenseRubric);
    buildForm(form, false, def, spreadsheetId, config, approved.map(branchChoice), new Map());
  }
  if (rebuilt || properties.getProperty(DEFENSE_QUESTIONS_KEY) === null) {
    properties.setProperty(DEFENSE_QUESTIONS_KEY, expected);
  }
  return rebuilt;
}

export function knownFormIds(
  properties: GoogleAppsScript.Properties.Properties,
): Map<string, FormName> {
  const all = properties.getProperties();
  const ids = new Map<string, FormName>();
  for (const name of FORM_NAMES) {
    const id = all[FORM_ID_KEY(name)];
    if (id) ids.set(id, name);
  }
  return ids;
}

/** Every branch dropdown offers exactly the approved branches (`B007 name`). */
export function refreshBranchChoices(
  forms: Iterable<GoogleAppsScript.Forms.Form>,
  approved: readonly Branch[],
): number {
  const choices = approved.map(branchChoice);
  let updated = 0;
  for (const form of forms) {
    for (const item of form.getItems(FormApp.ItemType.LIST)) {
      const title = item.getTitle();
      if (['支部', 'Branch', '汇报支部', '答辩支部'].includes(title)) {
        item.asListItem().setChoiceValues(choices.length > 0 ? choices : ['（暂无已通过的支部）']);
        updated++;
      }
    }
  }
  return updated;
}

/** Which form a response belongs to, from its question titles: no lookup needed. */
export function formOfTitles(titles: readonly string[], config: Config): FormName | null {
  const present = new Set(titles.map((t) => t.trim()));
  for (const name of FORM_NAMES) {
    const def = formDef(name, config.defenseRubric);
    const required = def.questions.filter((q) => q.required);
    const matches = (locale: 'zh-CN' | 'en') =>
      required.every((q) => present.has(questionTitle(q, locale)));
    if (matches('zh-CN') || matches('en')) return name;
  }
  return null;
}

function answerText(value: unknown): string {
  if (Array.isArray(value)) return value.join(', ');
  return value === null || value === undefined ? '' : String(value);
}

/** A response whose form could not be told from its questions: its answers by title. */
export interface UnmatchedResponse {
  readonly error: string;
  readonly responseId: string;
  readonly submittedAt: string;
  readonly raw: Record<string, string>;
}

/** A submitted Google Forms response as the domain's `FormResponse`. */
export function toFormResponse(
  response: GoogleAppsScript.Forms.FormResponse,
  config: Config,
  form?: FormName,
): FormResponse | UnmatchedResponse {
  const items = response.getItemResponses();
  const byTitle = new Map<string, string>();
  for (const item of items)
    byTitle.set(item.getItem().getTitle().trim(), answerText(item.getResponse()));
  const responseId = response.getId();
  const submittedAt = formatInZone(response.getTimestamp() as unknown as Date, config.timeZone);
  const name = form ?? formOfTitles([...byTitle.keys()], config);
  if (!name) {
    // Kept whole, so staff can see and correct what was sent.
    const email = response.getRespondentEmail();
    const raw = Object.fromEntries(byTitle);
    if (email) raw['电子邮件地址'] = email;
    return { error: 'the response matches none of the five forms', responseId, submittedAt, raw };
  }
  const def = formDef(name, config.defenseRubric);
  const answers: Record<string, string> = {};
  for (const question of def.questions) {
    const answer =
      byTitle.get(questionTitle(question, 'zh-CN')) ?? byTitle.get(questionTitle(question, 'en'));
    if (answer !== undefined) answers[question.key] = answer;
  }
  const email = response.getRespondentEmail();
  return {
    form: name,
    // The content id, as the inbox fold and a CSV export of the same response compute it.
    responseId: responseIdOf(def, submittedAt, email ? email : null, answers),
    // Rows filed before content ids carry Google's id: the response is known under it too.
    previousIds: [responseId],
    submittedAt,
    email: email ? email : null,
    answers,
  };
}
