/// <reference types="google-apps-script" />
/**
 * FormApp in memory: forms, their items (one item seen as a generic `Item` or as its own type,
 * each view exposing only its type's methods, as in Apps Script), text validations, responses,
 * and a test API, `submitResponse`, that plays a respondent.
 *
 * A form with a spreadsheet destination gets a `Form Responses N` sheet (inserted first, header
 * `Timestamp`, `Email Address` when emails are collected, then the question titles) and every
 * response becomes a row there. Validation is NOT enforced on submit: tests send bad data on
 * purpose.
 */
import { enumOf, Fake, type AllKeys, type Assert, type OnlyApi } from './calls';
import type { FakeSheet, FakeSpreadsheet } from './spreadsheet';
import { ID_ALPHABET, javaTypeName } from './util';
import type { World } from './world';

type F = typeof GoogleAppsScript.Forms;

export type ItemTypeName =
  'TEXT' | 'PARAGRAPH_TEXT' | 'LIST' | 'MULTIPLE_CHOICE' | 'CHECKBOX' | 'DATE' | 'SECTION_HEADER';

const ITEM_TYPES = [
  'CHECKBOX',
  'CHECKBOX_GRID',
  'DATE',
  'DATETIME',
  'DURATION',
  'GRID',
  'IMAGE',
  'LIST',
  'MULTIPLE_CHOICE',
  'PAGE_BREAK',
  'PARAGRAPH_TEXT',
  'SCALE',
  'SECTION_HEADER',
  'TEXT',
  'TIME',
  'VIDEO',
  'FILE_UPLOAD',
] as const;

export interface ValidationSpec {
  readonly kind: 'text' | 'paragraph';
  readonly rule: string | null;
  readonly args: readonly unknown[];
  readonly helpText: string;
}

export interface ItemState {
  readonly id: number;
  readonly type: ItemTypeName;
  title: string;
  helpText: string;
  required: boolean;
  choices: string[];
  otherOption: boolean;
  includesYear: boolean;
  validation: ValidationSpec | null;
}

export interface ResponseState {
  readonly id: string;
  readonly timestampMs: number;
  readonly email: string;
  /** By item id: a string, or a list for checkboxes. */
  readonly answers: ReadonlyMap<number, string | readonly string[]>;
}

export interface FormState {
  readonly id: string;
  readonly publishedId: string;
  title: string;
  description: string;
  collectEmail: boolean;
  confirmationMessage: string;
  allowResponseEdits: boolean;
  accepting: boolean;
  destination: { readonly spreadsheetId: string; readonly sheet: FakeSheet } | null;
  /** Response-sheet columns (1-based) by `email` / `item:<id>`. */
  columns: Map<string, number>;
  items: ItemState[];
  responses: ResponseState[];
}

export function publishedUrl(state: FormState): string {
  return `https://docs.google.com/forms/d/e/${state.publishedId}/viewform`;
}

// =============================================================================================
// Validation

type ValidationView = 'TextValidationBuilder' | 'ParagraphTextValidationBuilder';
const PARAGRAPH_RULES = [
  'requireTextContainsPattern',
  'requireTextDoesNotContainPattern',
  'requireTextDoesNotMatchPattern',
  'requireTextLengthGreaterThanOrEqualTo',
  'requireTextLengthLessThanOrEqualTo',
  'requireTextMatchesPattern',
  'build',
  'setHelpText',
];
const TEXT_RULES = [
  ...PARAGRAPH_RULES,
  'requireNumber',
  'requireNumberBetween',
  'requireNumberEqualTo',
  'requireNumberGreaterThan',
  'requireNumberGreaterThanOrEqualTo',
  'requireNumberLessThan',
  'requireNumberLessThanOrEqualTo',
  'requireNumberNotBetween',
  'requireNumberNotEqualTo',
  'requireTextIsEmail',
  'requireTextIsUrl',
  'requireWholeNumber',
];
const VALIDATION_API: Record<ValidationView, ReadonlySet<string>> = {
  TextValidationBuilder: new Set(TEXT_RULES),
  ParagraphTextValidationBuilder: new Set(PARAGRAPH_RULES),
};

export class FakeTextValidation extends Fake<World> {
  constructor(
    world: World,
    readonly _spec: ValidationSpec,
  ) {
    super(world, _spec.kind === 'text' ? 'TextValidation' : 'ParagraphTextValidation');
  }
}

/** One builder for both kinds; each kind exposes only its own rules. */
export class FakeTextValidationBuilder extends Fake<World> {
  _rule: string | null = null;
  _args: unknown[] = [];
  _helpText = '';
  constructor(
    world: World,
    readonly _kind: 'text' | 'paragraph',
  ) {
    const view: ValidationView =
      _kind === 'text' ? 'TextValidationBuilder' : 'ParagraphTextValidationBuilder';
    super(world, view, VALIDATION_API[view]);
  }
  _require(rule: string, ...args: unknown[]): this {
    this._rule = rule;
    this._args = args;
    return this;
  }
  build(): FakeTextValidation {
    return new FakeTextValidation(this._world, {
      kind: this._kind,
      rule: this._rule,
      args: [...this._args],
      helpText: this._helpText,
    });
  }
  setHelpText(text: string): this {
    this._helpText = String(text);
    return this;
  }
  requireNumber(): this {
    return this._require('NUMBER');
  }
  requireNumberBetween(start: number, end: number): this {
    return this._require('NUMBER_BETWEEN', start, end);
  }
  requireNumberEqualTo(n: number): this {
    return this._require('NUMBER_EQUAL_TO', n);
  }
  requireNumberGreaterThan(n: number): this {
    return this._require('NUMBER_GREATER_THAN', n);
  }
  requireNumberGreaterThanOrEqualTo(n: number): this {
    return this._require('NUMBER_GREATER_THAN_OR_EQUAL_TO', n);
  }
  requireNumberLessThan(n: number): this {
    return this._require('NUMBER_LESS_THAN', n);
  }
  requireNumberLessThanOrEqualTo(n: number): this {
    return this._require('NUMBER_LESS_THAN_OR_EQUAL_TO', n);
  }
  requireNumberNotBetween(start: number, end: number): this {
    return this._require('NUMBER_NOT_BETWEEN', start, end);
  }
  requireNumberNotEqualTo(n: number): this {
    return this._require('NUMBER_NOT_EQUAL_TO', n);
  }
  requireTextContainsPattern(pattern: string): this {
    return this._require('TEXT_CONTAINS_PATTERN', pattern);
  }
  requireTextDoesNotContainPattern(pattern: string): this {
    return this._require('TEXT_DOES_NOT_CONTAIN_PATTERN', pattern);
  }
  requireTextDoesNotMatchPattern(pattern: string): this {
    return this._require('TEXT_DOES_NOT_MATCH_PATTERN', pattern);
  }
  requireTextIsEmail(): this {
    return this._require('TEXT_IS_EMAIL');
  }
  requireTextIsUrl(): this {
    return this._require('TEXT_IS_URL');
  }
  requireTextLengthGreaterThanOrEqualTo(n: number): this {
    return this._require('TEXT_LENGTH_GREATER_THAN_OR_EQUAL_TO', n);
  }
  requireTextLengthLessThanOrEqualTo(n: number): this {
    return this._require('TEXT_LENGTH_LESS_THAN_OR_EQUAL_TO', n);
  }
  requireTextMatchesPattern(pattern: string): this {
    return this._require('TEXT_MATCHES_PATTERN', pattern);
  }
  requireWholeNumber(): this {
    return this._require('WHOLE_NUMBER');
  }
}

// =============================================================================================
// Items

export type ItemView =
  | 'Item'
  | 'TextItem'
  | 'ParagraphTextItem'
  | 'ListItem'
  | 'MultipleChoiceItem'
  | 'CheckboxItem'
  | 'DateItem'
  | 'SectionHeaderItem';

const VIEW_OF_TYPE: Record<ItemTypeName, ItemView> = {
  TEXT: 'TextItem',
  PARAGRAPH_TEXT: 'ParagraphTextItem',
  LIST: 'ListItem',
  MULTIPLE_CHOICE: 'MultipleChoiceItem',
  CHECKBOX: 'CheckboxItem',
  DATE: 'DateItem',
  SECTION_HEADER: 'SectionHeaderItem',
};

const COMMON = [
  'getHelpText',
  'getId',
  'getIndex',
  'getTitle',
  'getType',
  'setHelpText',
  'setTitle',
];
const QUESTION = [...COMMON, 'isRequired', 'setRequired'];
const CHOICES = [...QUESTION, 'getChoices', 'setChoiceValues', 'setChoices', 'createChoice'];
const ITEM_API: Record<ItemView, ReadonlySet<string>> = {
  Item: new Set([
    ...COMMON,
    'asTextItem',
    'asParagraphTextItem',
    'asListItem',
    'asMultipleChoiceItem',
    'asCheckboxItem',
    'asDateItem',
    'asSectionHeaderItem',
  ]),
  TextItem: new Set([...QUESTION, 'setValidation', 'clearValidation']),
  ParagraphTextItem: new Set([...QUESTION, 'setValidation', 'clearValidation']),
  ListItem: new Set(CHOICES),
  MultipleChoiceItem: new Set([...CHOICES, 'showOtherOption', 'hasOtherOption']),
  CheckboxItem: new Set([...CHOICES, 'showOtherOption', 'hasOtherOption']),
  DateItem: new Set([...QUESTION, 'includesYear', 'setIncludesYear']),
  SectionHeaderItem: new Set(COMMON),
};

export class FakeChoice extends Fake<World> {
  constructor(
    world: World,
    readonly _value: string,
  ) {
    super(world, 'Choice');
  }
  getValue(): string {
    return this._value;
  }
  isCorrectAnswer(): boolean {
    return false;
  }
}

/**
 * One item, seen through a view: `Item` (what `getItems()` returns: common methods and `as…`),
 * or its own type (`TextItem`…). Calling a method its view lacks throws, as in Apps Script.
 */
export class FakeItem extends Fake<World> {
  constructor(
    world: World,
    readonly _form: FormState,
    readonly _item: ItemState,
    readonly _view: ItemView,
  ) {
    super(world, _view, ITEM_API[_view]);
  }
  _as(view: ItemView): FakeItem {
    if (VIEW_OF_TYPE[this._item.type] !== view) {
      throw this._world._exception(
        `Item of type ${this._item.type} (id ${this._item.id}) cannot be cast to ${view}.`,
      );
    }
    return new FakeItem(this._world, this._form, this._item, view);
  }
  _sync(): void {
    syncResponseSheet(this._world, this._form);
  }
  asCheckboxItem(): FakeItem {
    return this._as('CheckboxItem');
  }
  asDateItem(): FakeItem {
    return this._as('DateItem');
  }
  asListItem(): FakeItem {
    return this._as('ListItem');
  }
  asMultipleChoiceItem(): FakeItem {
    return this._as('MultipleChoiceItem');
  }
  asParagraphTextItem(): FakeItem {
    return this._as('ParagraphTextItem');
  }
  asSectionHeaderItem(): FakeItem {
    return this._as('SectionHeaderItem');
  }
  asTextItem(): FakeItem {
    return this._as('TextItem');
  }
  clearValidation(): this {
    this._item.validation = null;
    return this;
  }
  createChoice(value: string): FakeChoice {
    return new FakeChoice(this._world, String(value));
  }
  getChoices(): FakeChoice[] {
    return this._item.choices.map((c) => new FakeChoice(this._world, c));
  }
  getHelpText(): string {
    return this._item.helpText;
  }
  getId(): number {
    return this._item.id;
  }
  getIndex(): number {
    return this._form.items.indexOf(this._item);
  }
  getTitle(): string {
    return this._item.title;
  }
  getType(): GoogleAppsScript.Forms.ItemType {
    return this._item.type as unknown as GoogleAppsScript.Forms.ItemType;
  }
  hasOtherOption(): boolean {
    return this._item.otherOption;
  }
  includesYear(): boolean {
    return this._item.includesYear;
  }
  isRequired(): boolean {
    return this._item.required;
  }
  /** Choices must be non-empty and distinct (Forms refuses duplicates). */
  setChoiceValues(values: string[]): this {
    if (!Array.isArray(values)) {
      throw this._world._exception(
        `The parameters (${javaTypeName(values)}) don't match the method signature for FormApp.${this._view}.setChoiceValues.`,
      );
    }
    const texts = values.map(String);
    if (texts.some((t) => t.trim() === '') || new Set(texts).size !== texts.length) {
      throw this._world._exception('Invalid data updating form.');
    }
    this._item.choices = texts;
    return this;
  }
  setChoices(choices: FakeChoice[]): this {
    return this.setChoiceValues(choices.map((c) => c.getValue()));
  }
  setHelpText(text: string): this {
    this._item.helpText = String(text);
    return this;
  }
  setIncludesYear(enable: boolean): this {
    this._item.includesYear = Boolean(enable);
    return this;
  }
  setRequired(enabled: boolean): this {
    this._item.required = Boolean(enabled);
    return this;
  }
  setTitle(title: string): this {
    this._item.title = String(title);
    this._sync();
    return this;
  }
  setValidation(validation: FakeTextValidation): this {
    const want = this._item.type === 'TEXT' ? 'text' : 'paragraph';
    if (!(validation instanceof FakeTextValidation) || validation._spec.kind !== want) {
      throw this._world._exception(
        `The parameters (${validation instanceof FakeTextValidation ? validation._type : javaTypeName(validation)}) don't match the method signature for FormApp.${this._view}.setValidation.`,
      );
    }
    this._item.validation = validation._spec;
    return this;
  }
  showOtherOption(enabled: boolean): this {
    this._item.otherOption = Boolean(enabled);
    return this;
  }
}

// =============================================================================================
// Responses

export class FakeItemResponse extends Fake<World> {
  constructor(
    world: World,
    readonly _form: FormState,
    readonly _item: ItemState,
    readonly _answer: string | readonly string[],
  ) {
    super(world, 'ItemResponse');
  }
  getItem(): FakeItem {
    return new FakeItem(this._world, this._form, this._item, 'Item');
  }
  /** A string; a list of strings for checkboxes; `yyyy-MM-dd` for a date question. */
  getResponse(): string | string[] {
    return typeof this._answer === 'string' ? this._answer : [...this._answer];
  }
}

export class FakeFormResponse extends Fake<World> {
  constructor(
    world: World,
    readonly _form: FormState,
    readonly _response: ResponseState,
  ) {
    super(world, 'FormResponse');
  }
  getEditResponseUrl(): string {
    return `${publishedUrl(this._form)}?edit2=${this._response.id}`;
  }
  getId(): string {
    return this._response.id;
  }
  /** The answered questions, in the form's order (unanswered ones are left out). */
  getItemResponses(): FakeItemResponse[] {
    return this._form.items
      .filter((item) => this._response.answers.has(item.id))
      .map(
        (item) =>
          new FakeItemResponse(this._world, this._form, item, this._response.answers.get(item.id)!),
      );
  }
  /** '' when the form does not collect emails. */
  getRespondentEmail(): string {
    return this._response.email;
  }
  getResponseForItem(item: FakeItem): FakeItemResponse | null {
    const id = item.getId();
    const state = this._form.items.find((i) => i.id === id);
    const answer = this._response.answers.get(id);
    return state && answer !== undefined
      ? new FakeItemResponse(this._world, this._form, state, answer)
      : null;
  }
  getTimestamp(): Date {
    return this._world._date(this._response.timestampMs);
  }
}

// =============================================================================================
// The response sheet

/** Creates or updates the destination's `Form Responses N` header; returns the sheet. */
export function syncResponseSheet(world: World, form: FormState): FakeSheet | null {
  const dest = form.destination;
  if (!dest) return null;
  return world.calls.internal(() => {
    const sheet = dest.sheet;
    const header: [number, string][] = [[1, 'Timestamp']];
    const columnOf = (key: string) => {
      let col = form.columns.get(key);
      if (col === undefined) {
        col = Math.max(1, ...form.columns.values()) + 1;
        form.columns.set(key, col);
      }
      return col;
    };
    if (form.collectEmail) header.push([columnOf('email'), 'Email Address']);
    for (const item of form.items) {
      if (item.type !== 'SECTION_HEADER') header.push([columnOf(`item:${item.id}`), item.title]);
    }
    const width = Math.max(...header.map(([c]) => c));
    if (width > sheet._maxCols) sheet._maxCols = width;
    for (const [col, title] of header) sheet._write(1, col, [[title]], 'raw');
    sheet._frozenRows = Math.max(sheet._frozenRows, 1);
    return sheet;
  });
}

function writeResponseRow(world: World, form: FormState, response: ResponseState): void {
  const sheet = syncResponseSheet(world, form);
  if (!sheet) return;
  world.calls.internal(() => {
    const row = sheet._lastRow() + 1;
    if (row > sheet._maxRows) {
      sheet._grow(row - sheet._maxRows, 0);
      sheet._maxRows = row;
    }
    sheet._write(row, 1, [[world._date(response.timestampMs)]], 'form');
    if (form.collectEmail)
      sheet._write(row, form.columns.get('email')!, [[response.email]], 'form');
    for (const item of form.items) {
      const answer = response.answers.get(item.id);
      if (answer === undefined) continue;
      const text = typeof answer === 'string' ? answer : answer.join(', ');
      sheet._write(row, form.columns.get(`item:${item.id}`)!, [[text]], 'form');
    }
  });
}

// =============================================================================================
// Form

export class FakeForm extends Fake<World> {
  constructor(
    world: World,
    readonly _state: FormState,
  ) {
    super(world, 'Form');
  }
  _add(type: ItemTypeName): FakeItem {
    const item: ItemState = {
      id: 100_000_000 + this._world._rng.int(1_900_000_000),
      type,
      title: '',
      helpText: '',
      required: false,
      choices: [],
      otherOption: false,
      includesYear: true,
      validation: null,
    };
    this._state.items.push(item);
    syncResponseSheet(this._world, this._state);
    return new FakeItem(this._world, this._state, item, VIEW_OF_TYPE[type]);
  }
  addCheckboxItem(): FakeItem {
    return this._add('CHECKBOX');
  }
  addDateItem(): FakeItem {
    return this._add('DATE');
  }
  addListItem(): FakeItem {
    return this._add('LIST');
  }
  addMultipleChoiceItem(): FakeItem {
    return this._add('MULTIPLE_CHOICE');
  }
  addParagraphTextItem(): FakeItem {
    return this._add('PARAGRAPH_TEXT');
  }
  addSectionHeaderItem(): FakeItem {
    return this._add('SECTION_HEADER');
  }
  addTextItem(): FakeItem {
    return this._add('TEXT');
  }
  canEditResponse(): boolean {
    return this._state.allowResponseEdits;
  }
  collectsEmail(): boolean {
    return this._state.collectEmail;
  }
  deleteItem(itemOrIndex: number | FakeItem): void {
    const items = this._state.items;
    const index =
      typeof itemOrIndex === 'number'
        ? itemOrIndex
        : items.findIndex((i) => i.id === itemOrIndex.getId());
    if (!Number.isInteger(index) || index < 0 || index >= items.length) {
      throw this._world._exception(
        `Invalid argument: index (${String(itemOrIndex)}); the form has ${items.length} items.`,
      );
    }
    items.splice(index, 1);
  }
  getConfirmationMessage(): string {
    return this._state.confirmationMessage;
  }
  getDescription(): string {
    return this._state.description;
  }
  getDestinationId(): string {
    if (!this._state.destination)
      throw this._world._exception('The form currently has no response destination.');
    return this._state.destination.spreadsheetId;
  }
  getDestinationType(): GoogleAppsScript.Forms.DestinationType {
    if (!this._state.destination)
      throw this._world._exception('The form currently has no response destination.');
    return 'SPREADSHEET' as unknown as GoogleAppsScript.Forms.DestinationType;
  }
  getEditUrl(): string {
    return `https://docs.google.com/forms/d/${this._state.id}/edit`;
  }
  getId(): string {
    return this._state.id;
  }
  /** Null when the form has no such item. */
  getItemById(id: number): FakeItem | null {
    const item = this._state.items.find((i) => i.id === Number(id));
    return item ? new FakeItem(this._world, this._state, item, 'Item') : null;
  }
  getItems(itemType?: GoogleAppsScript.Forms.ItemType): FakeItem[] {
    const wanted = itemType === undefined ? null : String(itemType);
    return this._state.items
      .filter((i) => wanted === null || i.type === wanted)
      .map((i) => new FakeItem(this._world, this._state, i, 'Item'));
  }
  getPublishedUrl(): string {
    return publishedUrl(this._state);
  }
  getResponse(responseId: string): FakeFormResponse {
    const r = this._state.responses.find((x) => x.id === responseId);
    if (!r) throw this._world._exception(`Invalid argument: responseId (${String(responseId)})`);
    return new FakeFormResponse(this._world, this._state, r);
  }
  /** All responses, or those submitted at or after `timestamp`, oldest first. */
  getResponses(timestamp?: Date): FakeFormResponse[] {
    const since = timestamp === undefined ? -Infinity : timestamp.getTime();
    return this._state.responses
      .filter((r) => r.timestampMs >= since)
      .map((r) => new FakeFormResponse(this._world, this._state, r));
  }
  getTitle(): string {
    return this._state.title;
  }
  isAcceptingResponses(): boolean {
    return this._state.accepting;
  }
  removeDestination(): this {
    const dest = this._state.destination;
    if (dest) dest.sheet._formUrl = null;
    this._state.destination = null;
    this._state.columns = new Map();
    return this;
  }
  setAcceptingResponses(enabled: boolean): this {
    this._state.accepting = Boolean(enabled);
    return this;
  }
  setAllowResponseEdits(enabled: boolean): this {
    this._state.allowResponseEdits = Boolean(enabled);
    return this;
  }
  setCollectEmail(collect: boolean): this {
    this._state.collectEmail = Boolean(collect);
    syncResponseSheet(this._world, this._state);
    return this;
  }
  setConfirmationMessage(message: string): this {
    this._state.confirmationMessage = String(message);
    return this;
  }
  setDescription(description: string): this {
    this._state.description = String(description);
    return this;
  }
  /**
   * Links the form to a spreadsheet: a new `Form Responses N` sheet is inserted first, gets the
   * header, and receives every response the form already has.
   */
  setDestination(type: GoogleAppsScript.Forms.DestinationType, id: string): this {
    if (String(type) !== 'SPREADSHEET') {
      throw this._world._exception(
        `The parameters (${javaTypeName(type)},String) don't match the method signature for FormApp.Form.setDestination.`,
      );
    }
    const ss: FakeSpreadsheet | undefined = this._world._spreadsheets.get(String(id));
    if (!ss) throw this._world._exception('Invalid argument: id');
    const current = this._state.destination;
    if (current && current.spreadsheetId === ss._id && ss._sheets.includes(current.sheet))
      return this;
    this.removeDestination();
    let n = 1;
    while (ss._find(`Form Responses ${n}`)) n++;
    const sheet = ss.insertSheet(`Form Responses ${n}`, 0);
    sheet._formUrl = publishedUrl(this._state);
    this._state.destination = { spreadsheetId: ss._id, sheet };
    syncResponseSheet(this._world, this._state);
    for (const r of this._state.responses) writeResponseRow(this._world, this._state, r);
    return this;
  }
  setTitle(title: string): this {
    this._state.title = String(title);
    return this;
  }
}

// =============================================================================================
// FormApp

export class FakeFormApp extends Fake<World> {
  readonly DestinationType: F['DestinationType'];
  readonly ItemType: F['ItemType'];
  constructor(world: World) {
    super(world, 'FormApp');
    this.DestinationType = enumOf(
      'DestinationType',
      ['SPREADSHEET'],
      world,
    ) as unknown as F['DestinationType'];
    this.ItemType = enumOf('ItemType', ITEM_TYPES, world) as unknown as F['ItemType'];
  }
  create(title: string): FakeForm {
    return this._world._createForm(String(title));
  }
  createParagraphTextValidation(): FakeTextValidationBuilder {
    return new FakeTextValidationBuilder(this._world, 'paragraph');
  }
  createTextValidation(): FakeTextValidationBuilder {
    return new FakeTextValidationBuilder(this._world, 'text');
  }
  /** An unknown (or trashed) id throws, as in Apps Script. */
  openById(id: string): FakeForm {
    const form = this._world._formObject(String(id));
    if (!form) {
      throw this._world._exception(
        'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.',
      );
    }
    return form;
  }
  openByUrl(url: string): FakeForm {
    const id = /\/forms\/d\/([^/]+)/.exec(String(url))?.[1];
    return this.openById(id ?? '');
  }
}

// =============================================================================================
// Test API: a respondent

export interface SubmitOptions {
  /** When the response was submitted (default: the world's now). */
  readonly at?: Date;
  /** The respondent's email; required when the form collects emails. */
  readonly email?: string;
}

/** What an installable form-submit trigger receives (`e.response.getId()` etc.). */
export interface FormSubmitEvent {
  readonly authMode: string;
  readonly response: FakeFormResponse;
  readonly source: FakeForm;
  readonly triggerUid: string;
}

/**
 * Submits a response as a respondent would: answers by question title (a string, or a list for
 * checkboxes; a date question takes `yyyy-MM-dd`). The response is stored, written to the
 * destination's response sheet, and the trigger event is returned (with the uid of the first
 * matching form-submit trigger, or '' when none is installed). Nothing here is a counted call.
 * Unknown titles are a sandbox error; the form's validations are not applied.
 */
export function submitResponse(
  world: World,
  formOrId: FakeForm | string,
  answers: Readonly<Record<string, string | readonly string[]>>,
  options: SubmitOptions = {},
): FormSubmitEvent {
  return world.calls.internal(() => {
    const form = typeof formOrId === 'string' ? world._formObject(formOrId) : formOrId;
    if (!form) throw world._sandboxError(`Sandbox: no form with id ${String(formOrId)}`);
    const state = form._state;
    if (!state.accepting)
      throw world._sandboxError(`Sandbox: the form "${state.title}" is not accepting responses`);
    const byItem = new Map<number, string | readonly string[]>();
    for (const [title, answer] of Object.entries(answers)) {
      const matches = state.items.filter((i) => i.title === title && i.type !== 'SECTION_HEADER');
      if (matches.length !== 1) {
        throw world._sandboxError(
          `Sandbox: the form "${state.title}" has ${matches.length === 0 ? 'no' : 'several'} question(s) titled "${title}"; its questions are: ${state.items.map((i) => JSON.stringify(i.title)).join(', ')}`,
        );
      }
      byItem.set(matches[0]!.id, typeof answer === 'string' ? answer : [...answer]);
    }
    if (state.collectEmail && !options.email) {
      throw world._sandboxError(
        `Sandbox: the form "${state.title}" collects emails: pass { email }`,
      );
    }
    const response: ResponseState = {
      id: `2_ABaOnud${world._rng.chars(40, ID_ALPHABET)}`,
      timestampMs: (options.at ?? world.now).getTime(),
      email: state.collectEmail ? options.email! : '',
      answers: byItem,
    };
    state.responses.push(response);
    writeResponseRow(world, state, response);
    const trigger = world._triggers.find(
      (t) => t.source === 'FORMS' && t.sourceId === state.id && t.eventType === 'ON_FORM_SUBMIT',
    );
    return {
      authMode: 'FULL',
      response: new FakeFormResponse(world, state, response),
      source: form,
      triggerUid: trigger?.uid ?? '',
    };
  });
}

/** A plain description of a form for assertions. */
export function describeForm(state: FormState) {
  return {
    id: state.id,
    title: state.title,
    description: state.description,
    collectEmail: state.collectEmail,
    confirmationMessage: state.confirmationMessage,
    allowResponseEdits: state.allowResponseEdits,
    destination: state.destination
      ? { spreadsheetId: state.destination.spreadsheetId, sheet: state.destination.sheet._name }
      : null,
    items: state.items.map((i) => ({
      id: i.id,
      type: i.type,
      title: i.title,
      helpText: i.helpText,
      required: i.required,
      choices: [...i.choices],
      validation: i.validation,
    })),
    responses: state.responses.length,
  };
}

export type FormsApiChecks = [
  Assert<OnlyApi<FakeFormApp, keyof GoogleAppsScript.Forms.FormApp>>,
  Assert<OnlyApi<FakeForm, keyof GoogleAppsScript.Forms.Form>>,
  Assert<
    OnlyApi<
      FakeItem,
      AllKeys<
        | GoogleAppsScript.Forms.Item
        | GoogleAppsScript.Forms.TextItem
        | GoogleAppsScript.Forms.ParagraphTextItem
        | GoogleAppsScript.Forms.ListItem
        | GoogleAppsScript.Forms.MultipleChoiceItem
        | GoogleAppsScript.Forms.CheckboxItem
        | GoogleAppsScript.Forms.DateItem
        | GoogleAppsScript.Forms.SectionHeaderItem
      >
    >
  >,
  Assert<OnlyApi<FakeChoice, keyof GoogleAppsScript.Forms.Choice>>,
  Assert<
    OnlyApi<
      FakeTextValidationBuilder,
      AllKeys<
        | GoogleAppsScript.Forms.TextValidationBuilder
        | GoogleAppsScript.Forms.ParagraphTextValidationBuilder
      >
    >
  >,
  Assert<OnlyApi<FakeFormResponse, keyof GoogleAppsScript.Forms.FormResponse>>,
  Assert<OnlyApi<FakeItemResponse, keyof GoogleAppsScript.Forms.ItemResponse>>,
];
