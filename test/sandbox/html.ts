/// <reference types="google-apps-script" />
/**
 * HtmlService: the HTML a web app's `doGet` returns, and the dialogs a menu item opens.
 *
 * Faithful where it matters:
 * - `addMetaTag` takes only the names Google allows (apple-mobile-web-app-capable,
 *   google-site-verification, mobile-web-app-capable, viewport) and throws on any other; a meta
 *   tag written in the HTML itself is ignored by Google (the sandbox keeps it in the content, as
 *   it cannot know what Google strips, and the web app does not rely on one);
 * - `setSandboxMode` does nothing, as documented (IFRAME is the only mode left);
 * - `XFrameOptionsMode` is ALLOWALL or DEFAULT; `SandboxMode` NATIVE, EMULATED, IFRAME.
 */
import { enumOf, Fake, type Assert, type OnlyApi } from './calls';
import { javaTypeName } from './util';
import type { World } from './world';

type Html = typeof GoogleAppsScript.HTML;

/** The meta tags HtmlOutput.addMetaTag accepts. */
export const ALLOWED_META_TAGS: ReadonlySet<string> = new Set([
  'apple-mobile-web-app-capable',
  'google-site-verification',
  'mobile-web-app-capable',
  'viewport',
]);

export class FakeHtmlOutputMetaTag extends Fake<World> {
  constructor(
    world: World,
    readonly _name: string,
    readonly _content: string,
  ) {
    super(world, 'HtmlOutputMetaTag');
  }
  getContent(): string {
    return this._content;
  }
  getName(): string {
    return this._name;
  }
}

export class FakeHtmlOutput extends Fake<World> {
  _content: string;
  _title = '';
  _xFrameOptions = 'DEFAULT';
  _metaTags: { name: string; content: string }[] = [];
  _width = 600;
  _height = 400;
  constructor(world: World, content: string) {
    super(world, 'HtmlOutput');
    this._content = content;
  }
  _text(value: unknown, what: string): string {
    if (typeof value !== 'string') {
      throw this._world._exception(
        `The parameters (${javaTypeName(value)}) don't match the method signature for HtmlService.HtmlOutput.${what}.`,
      );
    }
    return value;
  }
  addMetaTag(name: string, content: string): this {
    const tag = this._text(name, 'addMetaTag');
    if (!ALLOWED_META_TAGS.has(tag)) {
      throw this._world._exception(`Invalid argument: name (meta tag "${tag}" is not allowed)`);
    }
    this._metaTags.push({ name: tag, content: this._text(content, 'addMetaTag') });
    return this;
  }
  append(addedContent: string): this {
    this._content += this._text(addedContent, 'append');
    return this;
  }
  clear(): this {
    this._content = '';
    return this;
  }
  getContent(): string {
    return this._content;
  }
  getHeight(): number {
    return this._height;
  }
  getMetaTags(): FakeHtmlOutputMetaTag[] {
    return this._metaTags.map((m) => new FakeHtmlOutputMetaTag(this._world, m.name, m.content));
  }
  getTitle(): string {
    return this._title;
  }
  getWidth(): number {
    return this._width;
  }
  setContent(content: string): this {
    this._content = this._text(content, 'setContent');
    return this;
  }
  setHeight(height: number): this {
    this._height = Number(height);
    return this;
  }
  /** Has no effect (documented): IFRAME is the only sandbox mode left. */
  setSandboxMode(mode: unknown): this {
    void mode;
    return this;
  }
  setTitle(title: string): this {
    this._title = this._text(title, 'setTitle');
    return this;
  }
  setWidth(width: number): this {
    this._width = Number(width);
    return this;
  }
  setXFrameOptionsMode(mode: unknown): this {
    const name = String(mode);
    if (name !== 'ALLOWALL' && name !== 'DEFAULT') {
      throw this._world._exception('Invalid argument: mode');
    }
    this._xFrameOptions = name;
    return this;
  }
}

export class FakeHtmlService extends Fake<World> {
  readonly SandboxMode: Html['SandboxMode'];
  readonly XFrameOptionsMode: Html['XFrameOptionsMode'];
  constructor(world: World) {
    super(world, 'HtmlService');
    this.SandboxMode = enumOf(
      'SandboxMode',
      ['EMULATED', 'IFRAME', 'NATIVE'],
      world,
    ) as unknown as Html['SandboxMode'];
    this.XFrameOptionsMode = enumOf(
      'XFrameOptionsMode',
      ['ALLOWALL', 'DEFAULT'],
      world,
    ) as unknown as Html['XFrameOptionsMode'];
  }
  createHtmlOutput(html?: unknown): FakeHtmlOutput {
    if (html !== undefined && typeof html !== 'string') {
      throw this._world._sandboxError(
        'Sandbox: HtmlService.createHtmlOutput is implemented for a string (or nothing) only',
      );
    }
    return new FakeHtmlOutput(this._world, html ?? '');
  }
}

/** `ScriptApp.getService()`: the web app's deployment. */
export class FakeService extends Fake<World> {
  constructor(world: World) {
    super(world, 'Service');
  }
  /** The deployed web app's URL (ending in /exec); null while it is not deployed. */
  getUrl(): string {
    return this._world.webAppUrl as string;
  }
  isEnabled(): boolean {
    return this._world.webAppUrl !== null;
  }
}

export type HtmlApiChecks = [
  Assert<OnlyApi<FakeHtmlService, keyof GoogleAppsScript.HTML.HtmlService>>,
  Assert<OnlyApi<FakeHtmlOutput, keyof GoogleAppsScript.HTML.HtmlOutput>>,
  Assert<OnlyApi<FakeHtmlOutputMetaTag, keyof GoogleAppsScript.HTML.HtmlOutputMetaTag>>,
  Assert<OnlyApi<FakeService, keyof GoogleAppsScript.Script.Service>>,
];
