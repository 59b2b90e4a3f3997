/**
 * The Apps Script web app in a real browser, without Google: the bundle's `doGet` runs in the
 * sandbox, its HTML is served to Chromium at the web app's address, and the page's
 * `google.script.run` is a bridge that runs the bundle's function in the sandbox (as the web app
 * runs it for that visitor) and calls the page's success or failure handler with the result, as
 * Google's client does: asynchronously, with plain data, an `Error` with the message on failure.
 *
 * HtmlService ignores a Content-Security-Policy meta tag, so the harness serves the page with the
 * strictest policy it can bear as a header (only its own script and style, by hash): the page's
 * own code must run without `eval`, inline handlers or `unsafe-inline`.
 */
import { createHash } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import type { LoadedBundle, VisitOptions } from '../sandbox';

export const WEB_APP_URL = 'https://script.google.com/macros/s/AKfycbSANDBOX/exec';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64');

/** The policy the page's own inline script and style pass, and nothing else. */
export function strictPolicy(html: string): string {
  const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
  const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
  return [
    "default-src 'none'",
    `script-src 'sha256-${sha256(script)}'`,
    `style-src 'sha256-${sha256(style)}'`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** `google.script.run`, backed by `window.__starbranchRun(name, argsJson)`. */
const BRIDGE = `(() => {
  function runner(success, failure) {
    return new Proxy({}, {
      get(_, name) {
        if (name === 'withSuccessHandler') return (f) => runner(f, failure);
        if (name === 'withFailureHandler') return (f) => runner(success, f);
        if (name === 'withUserObject') return () => runner(success, failure);
        return (...args) => {
          window.__starbranchRun(String(name), JSON.stringify(args)).then((text) => {
            const result = JSON.parse(text);
            if (result.ok) { if (success) success(result.value); }
            else if (failure) failure(new Error(result.error));
          });
        };
      },
    });
  }
  window.google = { script: { run: runner(null, null) } };
})();`;

export interface WebAppPage {
  readonly page: Page;
  /** Every `google.script.run` call the page made: function and arguments. */
  readonly calls: { name: string; args: unknown[] }[];
  /** Dialogs the page opened (alert, confirm…): there should be none. */
  readonly dialogs: string[];
  /** Console errors and page errors (CSP violations among them). */
  readonly errors: string[];
}

export interface OpenOptions extends VisitOptions {
  readonly width: number;
  readonly height: number;
  /** Install Playwright's fake clock before the page loads (to fast-forward its polling). */
  readonly fakeClock?: boolean;
}

/** Opens `doGet(params)` for `visitor` in a new page of `browser`. */
export async function openWebApp(
  browser: Browser,
  bundle: LoadedBundle,
  params: Readonly<Record<string, string>>,
  options: OpenOptions,
): Promise<WebAppPage> {
  const visit = bundle.visit(params, options);
  if (visit.refused) throw new Error('Google refuses this visitor');
  if (!visit.ok) throw visit.error;
  const html = visit.value!.getContent();
  const page = await browser.newPage({
    viewport: { width: options.width, height: options.height },
  });
  const opened: WebAppPage = { page, calls: [], dialogs: [], errors: [] };
  page.on('dialog', (dialog) => {
    opened.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (message.type() === 'error') opened.errors.push(message.text());
  });
  page.on('pageerror', (error) => opened.errors.push(error.message));
  await page.exposeFunction('__starbranchRun', (name: string, json: string) => {
    const args = JSON.parse(json) as unknown[];
    opened.calls.push({ name, args });
    const run = bundle.runFromPage(name, args, options);
    return JSON.stringify(
      run.ok
        ? { ok: true, value: run.value }
        : { ok: false, error: (run.error as Error)?.message ?? String(run.error) },
    );
  });
  await page.addInitScript(BRIDGE);
  if (options.fakeClock) await page.clock.install();
  await page.route(`${WEB_APP_URL}**`, (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      headers: { 'content-security-policy': strictPolicy(html) },
      body: html,
    }),
  );
  const query = new URLSearchParams(params as Record<string, string>).toString();
  await page.goto(`${WEB_APP_URL}?${query}`);
  return opened;
}
