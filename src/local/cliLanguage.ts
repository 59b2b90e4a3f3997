/**
 * The language the `starbranch` command speaks: `--lang` when given, else the language of the
 * workbook it opened, else the programme's default (zh-CN). What a job writes into the workbook
 * (its Log, its notes) is always in the workbook's own language; `--lang` changes only what the
 * command itself prints: its tables, headers, help and usage errors.
 */
import type { Command } from 'commander';
import { joinClauses, t, type MessageKey } from '../domain/messages';
import type { Locale } from '../domain/vocabulary';

let chosen: Locale | null = null;
let workbook: Locale | null = null;

export function cliLocale(): Locale {
  return chosen ?? workbook ?? 'zh-CN';
}

/** `--lang`, or null to follow the workbook again. */
export function chooseCliLocale(locale: Locale | null): void {
  chosen = locale;
}

/** The opened workbook's language (a command opens one workbook). */
export function noteWorkbookLocale(locale: Locale): void {
  workbook = locale;
}

/** Forgets the last command's workbook, so each run starts from `--lang` or the default. */
export function resetCliLocale(): void {
  chosen = null;
  workbook = null;
}

/**
 * Commander's own words (section titles, the help option, what an option's choices and default
 * are) in the help's language. Set on the program before its commands are declared: they inherit
 * it. The commands' descriptions are given in the language where they are declared.
 */
export function speakHelp(program: Command, locale: Locale): Command {
  const titles: Record<string, MessageKey> = {
    'Usage:': 'cli.help.title.usage',
    'Description:': 'cli.help.title.description',
    'Arguments:': 'cli.help.title.arguments',
    'Options:': 'cli.help.title.options',
    'Global Options:': 'cli.help.title.globalOptions',
    'Commands:': 'cli.help.title.commands',
  };
  return program
    .configureHelp({
      styleTitle: (title) => (titles[title] ? t(locale, titles[title]) : title),
      optionDescription: (option) => {
        const extra: string[] = [];
        if (option.argChoices) {
          extra.push(t(locale, 'cli.help.choices', { choices: option.argChoices.join(', ') }));
        }
        if (option.defaultValue !== undefined && (option.required || option.optional)) {
          extra.push(t(locale, 'cli.help.default', { value: String(option.defaultValue) }));
        }
        if (extra.length === 0) return option.description;
        return (
          option.description + t(locale, 'cli.help.extra', { extra: joinClauses(locale, extra) })
        );
      },
    })
    .helpOption('-h, --help', t(locale, 'cli.help.help'));
}

/** The `help [command]` command of a command that has subcommands, in the help's language. */
export function speakHelpCommand(command: Command, locale: Locale): Command {
  return command.helpCommand('help [command]', t(locale, 'cli.help.helpCommand'));
}

/** Commander's error messages, by their fixed English wording, and what each says here. */
const COMMANDER_ERRORS: readonly (readonly [RegExp, MessageKey])[] = [
  [/^error: unknown command '([^']*)'/, 'cli.commander.unknownCommand'],
  [/^error: unknown option '([^']*)'/, 'cli.commander.unknownOption'],
  [/^error: required option '([^']*)' not specified/, 'cli.commander.requiredOption'],
  [/^error: missing required argument '([^']*)'/, 'cli.commander.missingArgument'],
  [/^error: option '([^']*)' argument missing/, 'cli.commander.optionArgument'],
  [
    /^error: option '([^']*)' argument '([^']*)' is invalid\. Allowed choices are (.*)\.$/m,
    'cli.commander.invalidChoice',
  ],
  [/^error: too many arguments/, 'cli.commander.tooManyArguments'],
];

/**
 * Commander's error (`error: unknown command 'x'` and its `(Did you mean y?)`) in the command's
 * language; a message it has no words for is shown as Commander wrote it.
 */
export function speakCommanderError(message: string, locale: Locale): string {
  const found = COMMANDER_ERRORS.map(([pattern, key]) => ({
    key,
    match: pattern.exec(message),
  })).find((x) => x.match !== null);
  if (!found?.match) return message;
  const [, a = '', b = '', c = ''] = found.match;
  const lines = [t(locale, 'cli.commander.error', { message: t(locale, found.key, { a, b, c }) })];
  const suggestion = /\(Did you mean (?:one of )?(.*)\?\)/.exec(message);
  if (suggestion) lines.push(t(locale, 'cli.commander.didYouMean', { names: suggestion[1]! }));
  return `${lines.join('\n')}\n`;
}
