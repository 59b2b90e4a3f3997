/**
 * The message catalogue: every sentence a person reads (job summaries, warnings, errors, toasts,
 * CLI lines), in zh-CN and en. Each area of the product keeps its messages in a file of its own
 * beside this one; this module joins them, so there is one catalogue and one way to read it.
 *
 * A message is a template with `{name}` placeholders: `t('zh-CN', 'stale.months', { months: '2026-10' })`.
 */
import type { Locale } from '../vocabulary';
import { awardsMessages } from './awards';
import { boardMessages } from './board';
import { cliMessages } from './cli';
import { common } from './common';
import { dashboardMessages } from './dashboard';
import { derivedMessages } from './derived';
import { gasMessages } from './gas';
import { honoursMessages } from './honours';
import { ingestMessages } from './ingest';
import { lettersMessages } from './letters';
import { jobsMessages } from './jobs';
import { menuMessages } from './menu';
import { reportMessages } from './report';
import { rubricMessages } from './rubric';
import { serverMessages } from './server';
import { starterMessages } from './starter';
import { settingsMessages } from './settings';
import { workbookMessages } from './workbook';
import type { MessageSet } from './define';

export { defineMessages, type MessageSet } from './define';

const AREAS = [
  common,
  derivedMessages,
  awardsMessages,
  rubricMessages,
  ingestMessages,
  workbookMessages,
  gasMessages,
  serverMessages,
  dashboardMessages,
  lettersMessages,
  starterMessages,
  settingsMessages,
  honoursMessages,
  boardMessages,
  jobsMessages,
  menuMessages,
  cliMessages,
  reportMessages,
] as const;

type KeysOf<S> = S extends MessageSet<infer K> ? K : never;
export type MessageKey = KeysOf<(typeof AREAS)[number]>;

const CATALOGUE: Record<Locale, Map<string, string>> = { 'zh-CN': new Map(), en: new Map() };
for (const area of AREAS) {
  for (const locale of ['zh-CN', 'en'] as const) {
    for (const [key, text] of Object.entries(area[locale] as Record<string, string>)) {
      if (CATALOGUE[locale].has(key)) throw new Error(`message ${key} is declared twice`);
      CATALOGUE[locale].set(key, text);
    }
  }
}

export type MessageParams = Readonly<Record<string, string | number>>;

/** The message in the locale, with its `{placeholders}` filled. */
export function t(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const template = CATALOGUE[locale].get(key) ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Every key of the catalogue (for tests that check both languages are complete). */
export function messageKeys(): readonly string[] {
  return [...CATALOGUE['zh-CN'].keys()];
}

/** Clauses of one line in the locale's way: `；` between Chinese ones, "; " between English ones. */
export function joinClauses(locale: Locale, clauses: readonly string[]): string {
  return clauses.join(locale === 'en' ? '; ' : '；');
}

/** A list in the locale's way: 、 between Chinese items, ", " between English ones. */
export function joinList(locale: Locale, items: readonly string[]): string {
  return items.join(locale === 'en' ? ', ' : '、');
}
