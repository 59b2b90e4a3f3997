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

function validationFor(question: Question): GoogleAppsScript.Forms.TextValidation | null {
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

function addQuestion(
  form: GoogleAppsScript.Forms.Form,
  question: Question,
  locale: Config['locale'],
  branchChoices: string[],
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
    const validation = validationFor(question);
    if (validation) text.setValidation(validation);
    item = text;
  }
  item.setTitle(title).setRequired(question.required);
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

/** Fills a form with its questions; a form left half-built by a cut-off run is rebuilt whole. */
function buildForm(
  form: GoogleAppsScript.Forms.Form,
  def: FormDef,
  spreadsheetId: string,
  config: Config,
  branchChoices: string[],
): void {
  for (const item of form.getItems()) form.deleteItem(item);
  form.setDescription(
    config.locale === 'en'
      ? `${config.collegeName} · advanced branch programme`
      : `${config.collegeName} · 先进党支部创建`,
  );
  form.setCollectEmail(true);
  form.setConfirmationMessage(
    config.locale === 'en' ? 'Thank you, your response was received.' : '提交成功，感谢！',
  );
  for (const question of def.questions) addQuestion(form, question, config.locale, branchChoices);
  // Linking twice would give the form a second responses sheet.
  if (destinationOf(form) !== spreadsheetId) {
    form.setDestination(FormApp.DestinationType.SPREADSHEET, spreadsheetId);
  }
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
): Map<FormName, GoogleAppsScript.Forms.Form> {
  const forms = new Map<FormName, GoogleAppsScript.Forms.Form>();
  const choices = approved.map(branchChoice);
  for (const name of FORM_NAMES) {
    const def = formDef(name, config.defenseRubric);
    const known = properties.getProperty(FORM_ID_KEY(name));
    let form: GoogleAppsScript.Forms.Form | null = null;
    if (known) {
      try {
        form = FormApp.openById(known);
      } catch {
        form = null; // deleted by hand: make it again
      }
    }
    if (!form) {
      form = FormApp.create(`${config.programYear} ${config.locale === 'en' ? def.en : def.zh}`);
      properties.setProperty(FORM_ID_KEY(name), form.getId());
      properties.deleteProperty(FORM_BUILT_KEY(name));
    }
    if (properties.getProperty(FORM_BUILT_KEY(name)) === null) {
      buildForm(form, def, spreadsheetId, config, choices);
      properties.setProperty(FORM_BUILT_KEY(name), 'yes');
    }
    forms.set(name, form);
  }
  return forms;
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
