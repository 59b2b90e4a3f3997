/// <reference types="google-apps-script" />
/**
 * Documents and Drive: DocumentApp, the Docs advanced service (`Docs.Documents`), the Drive v3
 * advanced service (`Drive.Files`, `Drive.Permissions`) and a minimal DriveApp.
 *
 * Faithful where letters go wrong in real life:
 *  - DocumentApp edits are buffered: Drive and the Docs API see them only after
 *    `saveAndClose()` or at the end of the execution; editing a closed document throws.
 *  - `replaceAllText` is literal (`$1` and `\` in the replacement stay as they are), case-
 *    insensitive unless `matchCase`, and its reply omits `occurrencesChanged` when it is 0
 *    (proto3 drops zero values).
 *  - Drive v3 returns only `kind,id,name,mimeType` (files) or `kind,id,type,role` (permissions)
 *    unless `fields` asks for more; `sendNotificationEmail` is refused for anything but user and
 *    group permissions (Drive API reference); a domain that forbids link sharing refuses
 *    `type: 'anyone'` with Google's error.
 */
import { enumOf, Fake, type Assert, type OnlyApi } from './calls';
import { MIME } from './services';
import { DIGITS, project } from './util';
import type { World } from './world';

type D = typeof GoogleAppsScript.Document;

// =============================================================================================
// State

export interface ParagraphState {
  text: string;
  heading: string;
  alignment: string | null;
  attributes: Record<string, unknown>;
}

export interface DocState {
  paragraphs: ParagraphState[];
  revision: number;
  /** Page size and margins in points, as `Body.setPageWidth` … `setMarginTop` set them. */
  page?: Record<string, number>;
}

export interface PermissionState {
  readonly id: string;
  readonly type: 'user' | 'group' | 'domain' | 'anyone';
  role: string;
  readonly emailAddress?: string;
  readonly domain?: string;
  allowFileDiscovery?: boolean;
}

export interface DriveFileState {
  readonly id: string;
  name: string;
  readonly mimeType: string;
  parents: string[];
  readonly owner: string;
  permissions: PermissionState[];
  trashed: boolean;
  readonly createdMs: number;
  description?: string;
  /** Made by staff in Drive, not by this app: invisible to it under the `drive.file` scope. */
  outsideApp?: boolean;
}

function cloneParagraphs(ps: readonly ParagraphState[]): ParagraphState[] {
  return ps.map((p) => ({ ...p, attributes: { ...p.attributes } }));
}

export function emptyParagraph(): ParagraphState {
  return { text: '', heading: 'NORMAL', alignment: null, attributes: {} };
}

export function documentUrl(id: string): string {
  return `https://docs.google.com/document/d/${id}/edit`;
}

export function fileUrl(file: DriveFileState): string {
  switch (file.mimeType) {
    case MIME.GOOGLE_DOCS:
      return `https://docs.google.com/document/d/${file.id}/edit?usp=drivesdk`;
    case MIME.GOOGLE_SHEETS:
      return `https://docs.google.com/spreadsheets/d/${file.id}/edit?usp=drivesdk`;
    case MIME.GOOGLE_FORMS:
      return `https://docs.google.com/forms/d/${file.id}/edit?usp=drivesdk`;
    case MIME.FOLDER:
      return `https://drive.google.com/drive/folders/${file.id}`;
    default:
      return `https://drive.google.com/file/d/${file.id}/view?usp=drivesdk`;
  }
}

// =============================================================================================
// DocumentApp

export class FakeText extends Fake<World> {
  constructor(
    world: World,
    readonly _doc: FakeDocument,
    readonly _para: ParagraphState,
  ) {
    super(world, 'Text');
  }
  /** Whole-text (`setBold(true)`) or ranged (`setBold(0, 4, true)`) attributes are recorded. */
  _attr(name: string, args: unknown[]): this {
    this._doc._mutate(() => {
      if (args.length >= 3) {
        const spans = (this._para.attributes.spans ??= []) as unknown[];
        spans.push({ [name]: args[2], start: args[0], end: args[1] });
      } else {
        this._para.attributes[name] = args[0];
      }
    });
    return this;
  }
  getText(): string {
    return this._para.text;
  }
  setBold(...args: unknown[]): this {
    return this._attr('BOLD', args);
  }
  setFontFamily(...args: unknown[]): this {
    return this._attr('FONT_FAMILY', args);
  }
  setFontSize(...args: unknown[]): this {
    return this._attr('FONT_SIZE', args);
  }
  setForegroundColor(...args: unknown[]): this {
    return this._attr('FOREGROUND_COLOR', args);
  }
  setItalic(...args: unknown[]): this {
    return this._attr('ITALIC', args);
  }
  setText(text: string): this {
    this._doc._mutate(() => {
      this._para.text = String(text);
    });
    return this;
  }
}

export class FakeParagraph extends Fake<World> {
  constructor(
    world: World,
    readonly _doc: FakeDocument,
    readonly _para: ParagraphState,
    /** A copy not yet in any document (`copy()`): only such a paragraph can be appended. */
    readonly _detached = false,
  ) {
    super(world, 'Paragraph');
  }
  asParagraph(): this {
    return this;
  }
  /** A detached deep copy, text and attributes included. */
  copy(): FakeParagraph {
    const clone = { ...this._para, attributes: { ...this._para.attributes } };
    return new FakeParagraph(this._world, this._doc, clone, true);
  }
  getType(): GoogleAppsScript.Document.ElementType {
    return 'PARAGRAPH' as unknown as GoogleAppsScript.Document.ElementType;
  }
  appendText(text: string): FakeText {
    this._doc._mutate(() => {
      this._para.text += String(text);
    });
    return new FakeText(this._world, this._doc, this._para);
  }
  editAsText(): FakeText {
    return new FakeText(this._world, this._doc, this._para);
  }
  getAlignment(): GoogleAppsScript.Document.HorizontalAlignment | null {
    return this._para.alignment as unknown as GoogleAppsScript.Document.HorizontalAlignment | null;
  }
  getAttributes(): Record<string, unknown> {
    return { ...this._para.attributes };
  }
  getHeading(): GoogleAppsScript.Document.ParagraphHeading {
    return this._para.heading as unknown as GoogleAppsScript.Document.ParagraphHeading;
  }
  getText(): string {
    return this._para.text;
  }
  setAlignment(alignment: GoogleAppsScript.Document.HorizontalAlignment): this {
    this._doc._mutate(() => {
      this._para.alignment = String(alignment);
    });
    return this;
  }
  /** As in Apps Script, HORIZONTAL_ALIGNMENT and HEADING set the paragraph's alignment and heading. */
  setAttributes(attributes: Record<string, unknown>): this {
    this._doc._mutate(() => {
      const { HORIZONTAL_ALIGNMENT: alignment, HEADING: heading, ...rest } = attributes;
      if (alignment !== undefined) this._para.alignment = String(alignment);
      if (heading !== undefined) this._para.heading = String(heading);
      Object.assign(this._para.attributes, rest);
    });
    return this;
  }
  setHeading(heading: GoogleAppsScript.Document.ParagraphHeading): this {
    this._doc._mutate(() => {
      this._para.heading = String(heading);
    });
    return this;
  }
  setText(text: string): void {
    this._doc._mutate(() => {
      this._para.text = String(text);
    });
  }
}

export class FakeBody extends Fake<World> {
  constructor(
    world: World,
    readonly _doc: FakeDocument,
  ) {
    super(world, 'Body');
  }
  appendParagraph(text: string | FakeParagraph): FakeParagraph {
    let para: ParagraphState;
    if (text instanceof FakeParagraph) {
      // Apps Script appends only a detached element (a copy()).
      if (!text._detached) throw this._world._exception('Element must be detached.');
      para = { ...text._para, attributes: { ...text._para.attributes } };
    } else if (typeof text === 'string') {
      para = emptyParagraph();
      para.text = text;
    } else {
      throw this._world._sandboxError('Sandbox: Body.appendParagraph takes text or a Paragraph');
    }
    this._doc._mutate((ps) => ps.push(para));
    return new FakeParagraph(this._world, this._doc, para);
  }
  /** Only paragraphs are modelled: every child is a Paragraph. */
  getChild(childIndex: number): FakeParagraph {
    const para = this._doc._read()[childIndex];
    if (!para) throw this._world._exception('Child index out of bounds.');
    return new FakeParagraph(this._world, this._doc, para);
  }
  getNumChildren(): number {
    return this._doc._read().length;
  }
  removeChild(child: FakeParagraph): this {
    this._doc._mutate((ps) => {
      const i = ps.indexOf(child._para);
      if (i < 0)
        throw this._world._exception('Element does not contain the specified child element.');
      if (ps.length === 1) {
        throw this._world._exception("Can't remove the last paragraph in a document section.");
      }
      ps.splice(i, 1);
    });
    return this;
  }
  /** Page size and margins, in points (Body.setPageWidth, setPageHeight, setMarginTop …). */
  _page(name: string, points: number): this {
    if (typeof points !== 'number' || !Number.isFinite(points) || points < 0) {
      throw this._world._exception(`Invalid argument: ${String(points)}`);
    }
    this._doc._mutatePage(name, points);
    return this;
  }
  setPageWidth(points: number): this {
    return this._page('PAGE_WIDTH', points);
  }
  setPageHeight(points: number): this {
    return this._page('PAGE_HEIGHT', points);
  }
  setMarginTop(points: number): this {
    return this._page('MARGIN_TOP', points);
  }
  setMarginBottom(points: number): this {
    return this._page('MARGIN_BOTTOM', points);
  }
  setMarginLeft(points: number): this {
    return this._page('MARGIN_LEFT', points);
  }
  setMarginRight(points: number): this {
    return this._page('MARGIN_RIGHT', points);
  }
  /** A cleared body keeps one empty paragraph, as in Docs. */
  clear(): this {
    this._doc._mutate((ps) => ps.splice(0, ps.length, emptyParagraph()));
    return this;
  }
  getParagraphs(): FakeParagraph[] {
    return this._doc._read().map((p) => new FakeParagraph(this._world, this._doc, p));
  }
  /** The paragraphs joined by newlines (a new document's body is one empty paragraph). */
  getText(): string {
    return this._doc
      ._read()
      .map((p) => p.text)
      .join('\n');
  }
  insertParagraph(childIndex: number, text: string): FakeParagraph {
    const para = emptyParagraph();
    para.text = String(text);
    this._doc._mutate((ps) => {
      if (childIndex < 0 || childIndex > ps.length)
        throw this._world._exception('Child index out of bounds.');
      ps.splice(childIndex, 0, para);
    });
    return new FakeParagraph(this._world, this._doc, para);
  }
  setText(text: string): this {
    this._doc._mutate((ps) =>
      ps.splice(
        0,
        ps.length,
        ...String(text)
          .split('\n')
          .map((t) => ({ ...emptyParagraph(), text: t })),
      ),
    );
    return this;
  }
}

/**
 * An open document. Its edits go to a working copy that reaches Drive and the Docs API on
 * `saveAndClose()` or when the execution ends (outside any execution, at once).
 */
export class FakeDocument extends Fake<World> {
  _working: ParagraphState[];
  _pageWorking: Record<string, number>;
  _dirty = false;
  _closed = false;
  constructor(
    world: World,
    readonly _id: string,
  ) {
    super(world, 'Document');
    this._working = cloneParagraphs(world._docState(_id).paragraphs);
    this._pageWorking = { ...world._docState(_id).page };
    world._openDocuments.set(this, world.currentExecution?.id ?? null);
  }
  _read(): ParagraphState[] {
    if (this._closed)
      throw this._world._exception('Document is closed, its content cannot be updated.');
    return this._working;
  }
  _mutate(fn: (paragraphs: ParagraphState[]) => void): void {
    fn(this._read());
    this._dirty = true;
    if (!this._world.currentExecution) this._commit();
  }
  _mutatePage(name: string, points: number): void {
    this._read();
    this._pageWorking[name] = points;
    this._dirty = true;
    if (!this._world.currentExecution) this._commit();
  }
  _commit(): void {
    if (!this._dirty) return;
    const state = this._world._docState(this._id);
    state.paragraphs = cloneParagraphs(this._working);
    state.page = { ...this._pageWorking };
    state.revision++;
    this._dirty = false;
  }
  getBody(): FakeBody {
    this._read();
    return new FakeBody(this._world, this);
  }
  getId(): string {
    return this._id;
  }
  getName(): string {
    return this._world._driveFile(this._id)!.name;
  }
  getUrl(): string {
    return documentUrl(this._id);
  }
  saveAndClose(): void {
    this._commit();
    this._closed = true;
    this._world._openDocuments.delete(this);
  }
  setName(name: string): this {
    this._world._renameFile(this._id, String(name));
    return this;
  }
}

export class FakeDocumentApp extends Fake<World> {
  readonly Attribute: D['Attribute'];
  readonly HorizontalAlignment: D['HorizontalAlignment'];
  readonly ParagraphHeading: D['ParagraphHeading'];
  readonly ElementType: D['ElementType'];
  constructor(world: World) {
    super(world, 'DocumentApp');
    this.ElementType = enumOf('ElementType', [
      'PARAGRAPH',
      'LIST_ITEM',
      'TABLE',
      'HORIZONTAL_RULE',
      'PAGE_BREAK',
      'TABLE_OF_CONTENTS',
    ]) as unknown as D['ElementType'];
    this.Attribute = enumOf(
      'Attribute',
      [
        'BACKGROUND_COLOR',
        'BOLD',
        'BORDER_COLOR',
        'BORDER_WIDTH',
        'CODE',
        'FONT_FAMILY',
        'FONT_SIZE',
        'FOREGROUND_COLOR',
        'HEADING',
        'HEIGHT',
        'HORIZONTAL_ALIGNMENT',
        'INDENT_END',
        'INDENT_FIRST_LINE',
        'INDENT_START',
        'ITALIC',
        'GLYPH_TYPE',
        'LEFT_TO_RIGHT',
        'LINE_SPACING',
        'LINK_URL',
        'LIST_ID',
        'MARGIN_BOTTOM',
        'MARGIN_LEFT',
        'MARGIN_RIGHT',
        'MARGIN_TOP',
        'NESTING_LEVEL',
        'MINIMUM_HEIGHT',
        'PADDING_BOTTOM',
        'PADDING_LEFT',
        'PADDING_RIGHT',
        'PADDING_TOP',
        'PAGE_HEIGHT',
        'PAGE_WIDTH',
        'SPACING_AFTER',
        'SPACING_BEFORE',
        'STRIKETHROUGH',
        'UNDERLINE',
        'VERTICAL_ALIGNMENT',
        'WIDTH',
      ],
      world,
    ) as unknown as D['Attribute'];
    this.HorizontalAlignment = enumOf(
      'HorizontalAlignment',
      ['LEFT', 'CENTER', 'RIGHT', 'JUSTIFY'],
      world,
    ) as unknown as D['HorizontalAlignment'];
    this.ParagraphHeading = enumOf(
      'ParagraphHeading',
      [
        'NORMAL',
        'HEADING1',
        'HEADING2',
        'HEADING3',
        'HEADING4',
        'HEADING5',
        'HEADING6',
        'TITLE',
        'SUBTITLE',
      ],
      world,
    ) as unknown as D['ParagraphHeading'];
  }
  /** A new document (one empty paragraph), counted against the daily document quota. */
  create(name: string): FakeDocument {
    this._world._countDocumentCreated(() =>
      this._world._exception('Service invoked too many times for one day: docs create.'),
    );
    const id = this._world._createDocumentFile(String(name));
    return new FakeDocument(this._world, id);
  }
  openById(id: string): FakeDocument {
    const file = this._world._driveFile(String(id));
    if (!file || file.trashed || file.mimeType !== MIME.GOOGLE_DOCS) {
      throw this._world._exception(
        'Unexpected error while getting the method or property openById on object DocumentApp.',
      );
    }
    return new FakeDocument(this._world, file.id);
  }
  openByUrl(url: string): FakeDocument {
    const id = /\/document\/d\/([^/]+)/.exec(String(url))?.[1];
    if (!id)
      throw this._world._exception(
        'Unexpected error while getting the method or property openByUrl on object DocumentApp.',
      );
    return this.openById(id);
  }
}

// =============================================================================================
// Docs advanced service

const NAMED_STYLE: Record<string, string> = {
  NORMAL: 'NORMAL_TEXT',
  TITLE: 'TITLE',
  SUBTITLE: 'SUBTITLE',
  HEADING1: 'HEADING_1',
  HEADING2: 'HEADING_2',
  HEADING3: 'HEADING_3',
  HEADING4: 'HEADING_4',
  HEADING5: 'HEADING_5',
  HEADING6: 'HEADING_6',
};
const ALIGNMENT: Record<string, string> = {
  LEFT: 'START',
  CENTER: 'CENTER',
  RIGHT: 'END',
  JUSTIFY: 'JUSTIFIED',
};

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Literal replace-all: no regex in `find`, no `$` patterns in `replacement`. */
export function replaceLiteral(
  text: string,
  find: string,
  replacement: string,
  matchCase: boolean,
): [string, number] {
  if (matchCase) {
    const parts = text.split(find);
    return [parts.join(replacement), parts.length - 1];
  }
  let n = 0;
  const out = text.replace(new RegExp(escapeRegExp(find), 'giu'), () => {
    n++;
    return replacement;
  });
  return [out, n];
}

type BatchUpdateRequest = GoogleAppsScript.Docs.Schema.BatchUpdateDocumentRequest;

export class FakeDocsDocuments extends Fake<World> {
  constructor(world: World) {
    super(world, 'Docs.Documents');
  }
  _doc(id: string, method: string): DocState {
    const file = this._world._driveFile(String(id));
    if (!file || file.mimeType !== MIME.GOOGLE_DOCS) {
      throw this._world._googleJsonError(
        `docs.documents.${method}`,
        'Requested entity was not found.',
        404,
      );
    }
    return this._world._docState(file.id);
  }
  /**
   * Applies the requests atomically. Only `replaceAllText` is implemented; any other request
   * kind is a sandbox error naming it.
   */
  batchUpdate(
    resource: BatchUpdateRequest,
    documentId: string,
  ): GoogleAppsScript.Docs.Schema.BatchUpdateDocumentResponse {
    const state = this._doc(documentId, 'batchUpdate');
    const requests = resource?.requests;
    if (!Array.isArray(requests)) {
      throw this._world._googleJsonError(
        'docs.documents.batchUpdate',
        'Invalid JSON payload received. Unknown name "requests".',
        400,
      );
    }
    const ops = requests.map((req, i) => {
      const kinds = Object.keys(req ?? {}).filter(
        (k) => (req as Record<string, unknown>)[k] !== undefined,
      );
      if (kinds.length !== 1) {
        throw this._world._googleJsonError(
          'docs.documents.batchUpdate',
          `Invalid requests[${i}]: exactly one request kind must be set.`,
          400,
        );
      }
      if (kinds[0] !== 'replaceAllText') {
        throw this._world._sandboxError(
          `Sandbox: Docs.Documents.batchUpdate request "${kinds[0]}" is not implemented`,
        );
      }
      const r = req.replaceAllText!;
      const text = r.containsText?.text;
      if (typeof text !== 'string' || text === '') {
        throw this._world._googleJsonError(
          'docs.documents.batchUpdate',
          `Invalid requests[${i}].replaceAllText: The text to replace must not be empty.`,
          400,
        );
      }
      return {
        text,
        replacement: r.replaceText ?? '',
        matchCase: r.containsText?.matchCase === true,
      };
    });
    let paragraphs = cloneParagraphs(state.paragraphs);
    const replies = ops.map((op) => {
      let count = 0;
      for (const p of paragraphs) {
        const [out, n] = replaceLiteral(p.text, op.text, op.replacement, op.matchCase);
        p.text = out;
        count += n;
      }
      // A replacement holding a newline splits the paragraph, as in Docs.
      paragraphs = paragraphs.flatMap((p) =>
        p.text.includes('\n')
          ? p.text.split('\n').map((t) => ({ ...p, attributes: { ...p.attributes }, text: t }))
          : [p],
      );
      return { replaceAllText: count > 0 ? { occurrencesChanged: count } : {} };
    });
    state.paragraphs = paragraphs;
    state.revision++;
    return {
      documentId: String(documentId),
      replies,
      writeControl: { requiredRevisionId: `rev-${state.revision}` },
    };
  }
  create(resource: GoogleAppsScript.Docs.Schema.Document): GoogleAppsScript.Docs.Schema.Document {
    this._world._countDocumentCreated(() =>
      this._world._googleJsonError('docs.documents.create', 'User rate limit exceeded.', 403),
    );
    const id = this._world._createDocumentFile(resource?.title ?? 'Untitled document');
    return this.get(id);
  }
  /** The document as the Docs API returns it: a section break, then one element per paragraph. */
  get(documentId: string, optionalArgs?: object): GoogleAppsScript.Docs.Schema.Document {
    void optionalArgs;
    const state = this._doc(documentId, 'get');
    const content: GoogleAppsScript.Docs.Schema.StructuralElement[] = [
      { endIndex: 1, sectionBreak: { sectionStyle: {} } },
    ];
    let index = 1;
    for (const p of state.paragraphs) {
      const text = `${p.text}\n`;
      const end = index + text.length;
      content.push({
        startIndex: index,
        endIndex: end,
        paragraph: {
          elements: [
            { startIndex: index, endIndex: end, textRun: { content: text, textStyle: {} } },
          ],
          paragraphStyle: {
            namedStyleType: NAMED_STYLE[p.heading] ?? 'NORMAL_TEXT',
            ...(p.alignment ? { alignment: ALIGNMENT[p.alignment] ?? p.alignment } : {}),
          },
        },
      });
      index = end;
    }
    return {
      documentId: String(documentId),
      title: this._world._driveFile(String(documentId))!.name,
      revisionId: `rev-${state.revision}`,
      body: { content },
    };
  }
}

export class FakeDocs extends Fake<World> {
  readonly Documents: FakeDocsDocuments;
  constructor(world: World) {
    super(world, 'Docs');
    this.Documents = new FakeDocsDocuments(world);
  }
}

// =============================================================================================
// Drive v3 advanced service

type DriveFile = GoogleAppsScript.Drive_v3.Drive.V3.Schema.File;
type DrivePermission = GoogleAppsScript.Drive_v3.Drive.V3.Schema.Permission;
const ROLES = ['owner', 'organizer', 'fileOrganizer', 'writer', 'commenter', 'reader'];

function fileResource(world: World, f: DriveFileState): DriveFile {
  return {
    kind: 'drive#file',
    id: f.id,
    name: f.name,
    mimeType: f.mimeType,
    parents: [...f.parents],
    trashed: f.trashed,
    ...(f.description !== undefined ? { description: f.description } : {}),
    createdTime: new Date(f.createdMs).toISOString(),
    webViewLink: fileUrl(f),
    owners: [
      { kind: 'drive#user', emailAddress: f.owner, me: f.owner === world._activeUserEmail() },
    ],
    permissions: f.permissions.map(permissionResource),
  };
}

function permissionResource(p: PermissionState): DrivePermission {
  return {
    kind: 'drive#permission',
    id: p.id,
    type: p.type,
    role: p.role,
    ...(p.emailAddress !== undefined ? { emailAddress: p.emailAddress } : {}),
    ...(p.domain !== undefined ? { domain: p.domain } : {}),
    ...(p.allowFileDiscovery !== undefined ? { allowFileDiscovery: p.allowFileDiscovery } : {}),
  };
}

function csv(value: unknown): string[] {
  return typeof value === 'string' && value !== '' ? value.split(',').map((s) => s.trim()) : [];
}

export class FakeDriveFiles extends Fake<World> {
  constructor(world: World) {
    super(world, 'Drive.Files');
  }
  _file(id: string, method: string): DriveFileState {
    const f = this._world._driveFile(String(id));
    if (!f || f.outsideApp)
      throw this._world._googleJsonError(
        `drive.files.${method}`,
        `File not found: ${String(id)}.`,
        404,
      );
    return f;
  }
  _parents(parents: unknown, method: string): string[] | undefined {
    if (parents === undefined) return undefined;
    const list = (parents as unknown[]).map(String);
    for (const p of list) {
      const folder = this._world._driveFile(p);
      if (p !== 'root' && (!folder || folder.outsideApp || folder.mimeType !== MIME.FOLDER)) {
        throw this._world._googleJsonError(`drive.files.${method}`, `File not found: ${p}.`, 404);
      }
    }
    return list;
  }
  /** A copy (name defaults to "Copy of …"; parents to the source's). Docs are copied as saved. */
  copy(resource: DriveFile, fileId: string, optionalArgs?: Record<string, unknown>): DriveFile {
    const src = this._file(fileId, 'copy');
    if (src.mimeType !== MIME.GOOGLE_DOCS) {
      throw this._world._sandboxError(
        `Sandbox: Drive.Files.copy of ${src.mimeType} is not implemented`,
      );
    }
    const parents = this._parents(resource?.parents, 'copy') ?? [...src.parents];
    this._world._countDocumentCreated(() =>
      this._world._googleJsonError('drive.files.copy', 'User rate limit exceeded.', 403),
    );
    const id = this._world._createDocumentFile(resource?.name ?? `Copy of ${src.name}`, parents);
    const copy = this._world._driveFile(id)!;
    if (resource?.description !== undefined) copy.description = resource.description;
    this._world._docState(id).paragraphs = cloneParagraphs(
      this._world._docState(src.id).paragraphs,
    );
    const page = this._world._docState(src.id).page;
    if (page) this._world._docState(id).page = { ...page };
    return project(fileResource(this._world, copy), optionalArgs?.fields, 'kind,id,name,mimeType');
  }
  create(
    resource: DriveFile,
    mediaData?: unknown,
    optionalArgs?: Record<string, unknown>,
  ): DriveFile {
    void mediaData;
    const name = resource?.name ?? 'Untitled';
    const parents = this._parents(resource?.parents, 'create') ?? ['root'];
    const mimeType = resource?.mimeType ?? 'application/octet-stream';
    let id: string;
    if (mimeType === MIME.GOOGLE_DOCS) {
      this._world._countDocumentCreated(() =>
        this._world._googleJsonError('drive.files.create', 'User rate limit exceeded.', 403),
      );
      id = this._world._createDocumentFile(name, parents);
    } else if (mimeType === MIME.FOLDER || !mimeType.startsWith('application/vnd.google-apps.')) {
      id = this._world._createDriveFile(name, mimeType, parents);
    } else {
      throw this._world._sandboxError(
        `Sandbox: Drive.Files.create of ${mimeType} is not implemented`,
      );
    }
    return project(
      fileResource(this._world, this._world._driveFile(id)!),
      optionalArgs?.fields,
      'kind,id,name,mimeType',
    );
  }
  get(fileId: string, optionalArgs?: Record<string, unknown>): DriveFile {
    const f = this._file(fileId, 'get');
    if (optionalArgs?.alt === 'media' && f.mimeType.startsWith('application/vnd.google-apps.')) {
      throw this._world._googleJsonError(
        'drive.files.get',
        'Only files with binary content can be downloaded. Use Export with Docs Editors files.',
        403,
      );
    }
    return project(fileResource(this._world, f), optionalArgs?.fields, 'kind,id,name,mimeType');
  }
  /** Patches name, description and trashed; `addParents`/`removeParents` in optionalArgs. */
  update(
    resource: DriveFile,
    fileId: string,
    mediaData?: unknown,
    optionalArgs?: Record<string, unknown>,
  ): DriveFile {
    void mediaData;
    const f = this._file(fileId, 'update');
    if (resource?.name !== undefined) this._world._renameFile(f.id, String(resource.name));
    if (resource?.description !== undefined) f.description = String(resource.description);
    if (resource?.trashed !== undefined) f.trashed = Boolean(resource.trashed);
    const add = this._parents(csv(optionalArgs?.addParents), 'update') ?? [];
    const remove = csv(optionalArgs?.removeParents);
    f.parents = [
      ...f.parents.filter((p) => !remove.includes(p)),
      ...add.filter((p) => !f.parents.includes(p)),
    ];
    return project(fileResource(this._world, f), optionalArgs?.fields, 'kind,id,name,mimeType');
  }
}

export class FakeDrivePermissions extends Fake<World> {
  constructor(world: World) {
    super(world, 'Drive.Permissions');
  }
  _file(id: string, method: string): DriveFileState {
    const f = this._world._driveFile(String(id));
    if (!f || f.outsideApp)
      throw this._world._googleJsonError(
        `drive.permissions.${method}`,
        `File not found: ${String(id)}.`,
        404,
      );
    return f;
  }
  create(
    resource: DrivePermission,
    fileId: string,
    optionalArgs?: Record<string, unknown>,
  ): DrivePermission {
    const fail = (message: string, code = 400) =>
      this._world._googleJsonError('drive.permissions.create', message, code);
    const f = this._file(fileId, 'create');
    const type = resource?.type;
    const role = resource?.role;
    if (!role) throw fail('The permission role field is required.');
    if (!type) throw fail('The permission type field is required.');
    if (!['user', 'group', 'domain', 'anyone'].includes(type))
      throw fail(`Invalid permission type: ${type}.`);
    if (!ROLES.includes(role)) throw fail(`Invalid permission role: ${role}.`);
    if (role === 'owner' && optionalArgs?.transferOwnership !== true) {
      throw fail(
        "The transferOwnership parameter must be enabled when the permission role is 'owner'.",
        403,
      );
    }
    if ((type === 'user' || type === 'group') && !resource.emailAddress) {
      throw fail('The permission emailAddress field is required for user and group permissions.');
    }
    if (type === 'domain' && !resource.domain)
      throw fail('The permission domain field is required for domain permissions.');
    if (
      optionalArgs &&
      'sendNotificationEmail' in optionalArgs &&
      type !== 'user' &&
      type !== 'group'
    ) {
      throw fail(
        "sendNotificationEmail parameter is only applicable for permissions of type 'user' or 'group'.",
      );
    }
    if (type === 'domain' && this._world.domain === null) {
      throw fail(
        'The specified domain is invalid or not applicable for the given permission type.',
      );
    }
    if (type === 'anyone' && this._world.domainForbidsLinkSharing) {
      throw fail('The user does not have sufficient permissions for this file.', 403);
    }
    const same = f.permissions.find(
      (p) =>
        p.type === type &&
        (type === 'anyone' ||
          (type === 'domain'
            ? p.domain === resource.domain
            : p.emailAddress === resource.emailAddress)),
    );
    let perm: PermissionState;
    if (same) {
      same.role = role;
      if (resource.allowFileDiscovery !== undefined)
        same.allowFileDiscovery = resource.allowFileDiscovery;
      perm = same;
    } else {
      const discovery =
        type === 'anyone' || type === 'domain' ? (resource.allowFileDiscovery ?? false) : undefined;
      perm = {
        id:
          type === 'anyone'
            ? discovery
              ? 'anyone'
              : 'anyoneWithLink'
            : `${this._world._rng.chars(20, DIGITS)}${type === 'domain' ? 'k' : ''}`,
        type: type as PermissionState['type'],
        role,
        ...(resource.emailAddress ? { emailAddress: resource.emailAddress } : {}),
        ...(resource.domain ? { domain: resource.domain } : {}),
        ...(discovery !== undefined ? { allowFileDiscovery: discovery } : {}),
      };
      f.permissions.push(perm);
    }
    return project(permissionResource(perm), optionalArgs?.fields, 'kind,id,type,role');
  }
  get(
    fileId: string,
    permissionId: string,
    optionalArgs?: Record<string, unknown>,
  ): DrivePermission {
    const f = this._file(fileId, 'get');
    const p = f.permissions.find((x) => x.id === permissionId);
    if (!p)
      throw this._world._googleJsonError(
        'drive.permissions.get',
        `Permission not found: ${permissionId}.`,
        404,
      );
    return project(permissionResource(p), optionalArgs?.fields, 'kind,id,type,role');
  }
  list(
    fileId: string,
    optionalArgs?: Record<string, unknown>,
  ): GoogleAppsScript.Drive_v3.Drive.V3.Schema.PermissionList {
    const f = this._file(fileId, 'list');
    return project(
      { kind: 'drive#permissionList', permissions: f.permissions.map(permissionResource) },
      optionalArgs?.fields,
      'kind,permissions(kind,id,type,role)',
    );
  }
  remove(fileId: string, permissionId: string): void {
    const f = this._file(fileId, 'delete');
    const p = f.permissions.find((x) => x.id === permissionId);
    if (!p)
      throw this._world._googleJsonError(
        'drive.permissions.delete',
        `Permission not found: ${permissionId}.`,
        404,
      );
    if (p.role === 'owner')
      throw this._world._googleJsonError(
        'drive.permissions.delete',
        'The owner of a file cannot be removed.',
        403,
      );
    f.permissions = f.permissions.filter((x) => x !== p);
  }
}

export class FakeDrive extends Fake<World> {
  readonly Files: FakeDriveFiles;
  readonly Permissions: FakeDrivePermissions;
  constructor(world: World) {
    super(world, 'Drive');
    this.Files = new FakeDriveFiles(world);
    this.Permissions = new FakeDrivePermissions(world);
  }
}

// =============================================================================================
// DriveApp

const ROLE_OF_PERMISSION: Record<string, string> = {
  VIEW: 'reader',
  COMMENT: 'commenter',
  EDIT: 'writer',
};
const PERMISSION_OF_ROLE: Record<string, string> = {
  reader: 'VIEW',
  commenter: 'COMMENT',
  writer: 'EDIT',
};

export class FakeFile extends Fake<World> {
  constructor(
    world: World,
    readonly _id: string,
  ) {
    super(world, 'File');
  }
  _state(): DriveFileState {
    return this._world._driveFile(this._id)!;
  }
  _link(): PermissionState | undefined {
    return this._state().permissions.find((p) => p.type === 'anyone' || p.type === 'domain');
  }
  getDateCreated(): Date {
    return this._world._date(this._state().createdMs);
  }
  getId(): string {
    return this._id;
  }
  getMimeType(): string {
    return this._state().mimeType;
  }
  getName(): string {
    return this._state().name;
  }
  getOwner(): { getEmail(): string } {
    return this._world._user(this._state().owner);
  }
  getSharingAccess(): GoogleAppsScript.Drive.Access {
    const link = this._link();
    const access = !link
      ? 'PRIVATE'
      : link.type === 'anyone'
        ? link.allowFileDiscovery
          ? 'ANYONE'
          : 'ANYONE_WITH_LINK'
        : link.allowFileDiscovery
          ? 'DOMAIN'
          : 'DOMAIN_WITH_LINK';
    return access as unknown as GoogleAppsScript.Drive.Access;
  }
  getSharingPermission(): GoogleAppsScript.Drive.Permission {
    const link = this._link();
    return (link
      ? (PERMISSION_OF_ROLE[link.role] ?? 'VIEW')
      : 'NONE') as unknown as GoogleAppsScript.Drive.Permission;
  }
  getUrl(): string {
    return fileUrl(this._state());
  }
  isTrashed(): boolean {
    return this._state().trashed;
  }
  makeCopy(name?: string): FakeFile {
    const copy = this._world.services.Drive.Files.copy(
      name === undefined ? {} : { name: String(name) },
      this._id,
      {
        fields: 'id',
      },
    );
    return new FakeFile(this._world, copy.id!);
  }
  setName(name: string): this {
    this._world._renameFile(this._id, String(name));
    return this;
  }
  setSharing(
    accessType: GoogleAppsScript.Drive.Access,
    permissionType: GoogleAppsScript.Drive.Permission,
  ): this {
    const access = String(accessType);
    const permission = String(permissionType);
    const role = ROLE_OF_PERMISSION[permission];
    const f = this._state();
    if (access !== 'PRIVATE' && !role)
      throw this._world._exception('Invalid argument: permissionType');
    if (access.startsWith('ANYONE') && this._world.domainForbidsLinkSharing) {
      throw this._world._exception('Access denied: DriveApp.');
    }
    if (access.startsWith('DOMAIN') && this._world.domain === null) {
      throw this._world._exception('Invalid argument: accessType');
    }
    f.permissions = f.permissions.filter((p) => p.type !== 'anyone' && p.type !== 'domain');
    if (access === 'PRIVATE') return this;
    const discovery = access === 'ANYONE' || access === 'DOMAIN';
    f.permissions.push(
      access.startsWith('ANYONE')
        ? {
            id: discovery ? 'anyone' : 'anyoneWithLink',
            type: 'anyone',
            role: role!,
            allowFileDiscovery: discovery,
          }
        : {
            id: `${this._world._rng.chars(20, DIGITS)}k`,
            type: 'domain',
            role: role!,
            domain: this._world.domain!,
            allowFileDiscovery: discovery,
          },
    );
    return this;
  }
  setTrashed(trashed: boolean): this {
    this._state().trashed = Boolean(trashed);
    return this;
  }
}

export class FakeDriveApp extends Fake<World> {
  readonly Access: typeof GoogleAppsScript.Drive.Access;
  readonly Permission: typeof GoogleAppsScript.Drive.Permission;
  constructor(world: World) {
    super(world, 'DriveApp');
    this.Access = enumOf(
      'Access',
      ['ANYONE', 'ANYONE_WITH_LINK', 'DOMAIN', 'DOMAIN_WITH_LINK', 'PRIVATE'],
      world,
    ) as unknown as typeof GoogleAppsScript.Drive.Access;
    this.Permission = enumOf(
      'Permission',
      ['VIEW', 'EDIT', 'COMMENT', 'OWNER', 'ORGANIZER', 'NONE'],
      world,
    ) as unknown as typeof GoogleAppsScript.Drive.Permission;
  }
  getFileById(id: string): FakeFile {
    if (!this._world._driveFile(String(id))) {
      throw this._world._exception(
        'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.',
      );
    }
    return new FakeFile(this._world, String(id));
  }
}

export type DocsApiChecks = [
  Assert<OnlyApi<FakeDocumentApp, keyof GoogleAppsScript.Document.DocumentApp>>,
  Assert<OnlyApi<FakeDocument, keyof GoogleAppsScript.Document.Document>>,
  Assert<OnlyApi<FakeBody, keyof GoogleAppsScript.Document.Body>>,
  Assert<OnlyApi<FakeParagraph, keyof GoogleAppsScript.Document.Paragraph>>,
  Assert<OnlyApi<FakeText, keyof GoogleAppsScript.Document.Text>>,
  Assert<OnlyApi<FakeDocs, keyof GoogleAppsScript.Docs>>,
  Assert<OnlyApi<FakeDocsDocuments, keyof GoogleAppsScript.Docs.Collection.DocumentsCollection>>,
  Assert<OnlyApi<FakeDrive, keyof GoogleAppsScript.Drive>>,
  Assert<
    OnlyApi<FakeDriveFiles, keyof GoogleAppsScript.Drive_v3.Drive.V3.Collection.FilesCollection>
  >,
  Assert<
    OnlyApi<
      FakeDrivePermissions,
      keyof GoogleAppsScript.Drive_v3.Drive.V3.Collection.PermissionsCollection
    >
  >,
  Assert<OnlyApi<FakeDriveApp, keyof GoogleAppsScript.Drive.DriveApp>>,
  Assert<OnlyApi<FakeFile, keyof GoogleAppsScript.Drive.File>>,
];
