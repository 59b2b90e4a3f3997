/**
 * `starbranch`: the programme's jobs over an `.xlsx` workbook (DESIGN §5). Every command reads the
 * workbook once, runs one use case, saves once, and ends with a short summary table.
 * Exit codes: 0 ok, 1 the job failed, 2 the command was used wrongly.
 */
import { Command, CommanderError, Option } from 'commander';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { selectAwards, type AwardsReport } from '../app/awards';
import { readConfig, type Ports } from '../app/context';
import { closeVote, readBoard, type BoardModel } from '../app/board';
import { aggregateDefense } from '../app/defense';
import { issueLetters } from '../app/letters';
import { finaliseMonth, prepareShowcase } from '../app/monthly';
import { buildReport } from '../app/report';
import { reprocessRejected } from '../app/reprocess';
import { archiveRubricScores, RubricChangedError } from '../app/rubric';
import { refreshStaleMonths } from '../app/staleness';
import { isValidMonth } from '../domain/calendar';
import { formatFixed } from '../domain/decimal';
import { DEFAULT_CONFIG } from '../domain/config';
import { formDef, FORM_NAMES, type FormName } from '../domain/forms';
import { LETTER_PLACEHOLDERS } from '../domain/letterFields';
import { joinList, t, type MessageKey, type MessageParams } from '../domain/messages';
import { tabName } from '../domain/schema/table';
import { RejectedTable } from '../domain/schema/tables';
import {
  AWARD_KINDS,
  AWARD_STATES,
  labelOf,
  SHOWCASE_REASONS,
  type Locale,
} from '../domain/vocabulary';
import {
  chooseCliLocale,
  cliLocale,
  noteWorkbookLocale,
  resetCliLocale,
  speakCommanderError,
  speakHelp,
  speakHelpCommand,
} from './cliLanguage';
import { SystemClock } from './clock';
import { runDemo, type DemoStep } from './demo/runDemo';
import { DocxMaker } from './docxMaker';
import { ingestCsv } from './ingestCsv';
import { formTemplates } from './formTemplates';
import { loadDefaultTemplate, templatePlaceholders } from './letters';
import { writeBoardPage, writeHonoursSite } from './publicPages';
import { renderReportHtml } from './reportHtml';
import { formatTable, terminalProgress } from './terminal';
import {
  addGoogleCommands,
  awardsOnGoogle,
  checkTarget,
  googleFailure,
  googleTarget,
  onGoogle,
} from '../google/cli';
import { newWorkbook, openWorkbook, saveWorkbook, UsageError } from './workbookFile';
import { writePdfs } from './pdfRun';
import { checkWritable } from './workbookGuard';

type Out = (line: string) => void;

/** A message in the language the command speaks (`--lang`, else the workbook's). */
function say(key: MessageKey, params?: MessageParams): string {
  return t(cliLocale(), key, params);
}

/** A term of the vocabulary (a status, an award kind) in the command's language. */
function term(list: readonly { key: string; zh: string; en: string }[], key: string): string {
  const found = list.find((x) => x.key === key);
  return found ? labelOf(found, cliLocale()) : key;
}

/** The summary table with its headers in the command's language. */
function table(headers: readonly MessageKey[], rows: readonly (readonly string[])[]): string {
  return formatTable(
    headers.map((h) => say(h)),
    rows,
  );
}

async function withWorkbook<T>(
  path: string | undefined,
  work: (ports: Ports) => T,
  extra: Partial<Ports> = {},
): Promise<T> {
  checkTarget(path);
  if (path === undefined) return onGoogle(work, (l) => process.stderr.write(`${l}\n`));
  const store = await openWorkbook(path);
  // Before any work: a job whose result could not be saved is better not run.
  checkWritable(path, store.locale);
  const progress = terminalProgress();
  const base: Ports = { store, clock: new SystemClock(), progress, ...extra };
  const config = readConfig(base);
  noteWorkbookLocale(config.locale);
  const ports: Ports = { ...base, clock: new SystemClock(config.timeZone) };
  try {
    return work(ports);
  } catch (error) {
    // The way out of a rubric change, as this interface offers it.
    if (error instanceof RubricChangedError) {
      throw error.withWayOut(t(error.locale, 'rubric.wayOutCommand', { workbook: path }));
    }
    throw error;
  } finally {
    progress.stop();
    // The Log row of a failed job is worth keeping too.
    await saveWorkbook(store, path, ports.clock.now());
  }
}

function month(value: string): string {
  if (!isValidMonth(value)) throw new UsageError(say('cli.error.badMonth', { value }));
  return value;
}

/** The demo's step as its table names it: `汇入活动报告表`, `finalise`… */
function stepTitle(step: DemoStep): string {
  if (step.kind !== 'ingest') return say(`cli.step.${step.kind}`);
  const form = formDef(step.form!, DEFAULT_CONFIG.defenseRubric);
  return say('cli.step.ingest', { form: cliLocale() === 'en' ? form.en : form.zh });
}

export function buildProgram(
  out: Out = (l) => process.stdout.write(`${l}\n`),
  helpLocale: Locale = 'zh-CN',
  err: Out = (l) => process.stderr.write(`${l}\n`),
): Command {
  const help = (key: MessageKey) => t(helpLocale, key);
  // Before the commands are declared: they inherit where their help and errors go.
  const program = speakHelp(new Command('starbranch'), helpLocale)
    .configureOutput({
      writeErr: (s) => err(s.trimEnd()),
      writeOut: (s) => out(s.trimEnd()),
      outputError: (s, write) => write(speakCommanderError(s, cliLocale())),
    })
    .description(help('cli.help.program'))
    .version('0.1.0', '-V, --version', help('cli.help.version'))
    .addOption(new Option('--lang <lang>', help('cli.help.lang')).choices(['zh-CN', 'en']))
    .showHelpAfterError()
    .exitOverride();
  const command = (name: string) => program.command(name);

  command('demo')
    .description(help('cli.help.demo'))
    .option('--out <dir>', help('cli.help.demo.out'), 'out')
    .addOption(
      new Option('--locale <locale>', help('cli.help.demo.locale'))
        .choices(['zh-CN', 'en'])
        .default('zh-CN'),
    )
    .action(async (options: { out: string; locale: Locale }) => {
      const started = performance.now();
      const progress = terminalProgress();
      const result = await runDemo(options.out, progress, options.locale);
      progress.stop();
      noteWorkbookLocale(result.locale);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      out(
        table(
          ['cli.col.when', 'cli.col.step', 'cli.col.what'],
          result.steps
            // A month's activity exports are many: shown only when they turned rows away.
            .filter((s) => !(s.kind === 'ingest' && s.form === 'activity' && s.rejected === 0))
            .map((s) => [s.when.slice(0, 10), stepTitle(s), s.detail]),
        ),
      );
      out('');
      out(
        table(
          ['cli.col.rank', 'cli.col.branch', 'cli.col.final', 'cli.col.advanced'],
          result.awards.standings
            .slice(0, 16)
            .map((s) => [
              String(s.rank),
              s.name,
              formatFixed(s.total),
              s.advanced
                ? term(AWARD_KINDS, 'branch')
                : s.eligible
                  ? ''
                  : say('cli.demo.notEligible'),
            ]),
        ),
      );
      out('');
      out(
        table(
          ['cli.col.output', 'cli.col.where'],
          [
            [say('cli.demo.workbook'), result.workbook],
            [
              say('cli.demo.letters'),
              say('cli.demo.lettersWhere', { dir: result.lettersDir, count: result.letters.made }),
            ],
            [say('cli.demo.report'), result.report],
            [say('cli.demo.site'), `${result.site}/index.html`],
            [say('cli.demo.board'), result.board],
            [say('cli.demo.forms'), `${result.formsDir}/`],
            [
              say('cli.demo.rejected'),
              say('cli.demo.rejectedWhere', {
                count: result.rejected,
                sheet: tabName(RejectedTable, cliLocale()),
              }),
            ],
            [say('cli.demo.time'), say('cli.demo.seconds', { seconds })],
          ],
        ),
      );
    });

  command('init')
    .description(help('cli.help.init'))
    .argument('<workbook>', help('cli.help.init.workbook'))
    .addOption(
      new Option('--locale <locale>', help('cli.help.init.locale'))
        .choices(['zh-CN', 'en'])
        .default('zh-CN'),
    )
    .option('--force', help('cli.help.init.force'))
    .action(async (path: string, options: { locale: Locale; force?: boolean }) => {
      noteWorkbookLocale(options.locale);
      if (existsSync(path) && !options.force) {
        throw new UsageError(say('cli.error.exists', { path }));
      }
      const store = newWorkbook(options.locale);
      await saveWorkbook(store, path, new SystemClock().now());
      out(
        table(
          ['cli.col.workbook', 'cli.col.sheets'],
          [[path, joinList(cliLocale(), store.sheetNames())]],
        ),
      );
    });

  command('ingest')
    .description(help('cli.help.ingest'))
    .argument('<workbook>')
    .argument('<csv...>', help('cli.help.ingest.csv'))
    .addOption(
      new Option('--form <form>', help('cli.help.ingest.form'))
        .choices([...FORM_NAMES])
        .makeOptionMandatory(),
    )
    .action(async (path: string, files: string[], options: { form: FormName }) => {
      for (const file of files) {
        if (!existsSync(file)) throw new UsageError(say('cli.error.noFile', { file }));
      }
      const reports = await withWorkbook(path, (ports) =>
        files.map((file) => ({
          file: basename(file),
          report: ingestCsv(ports, options.form, readFileSync(file), basename(file)),
        })),
      );
      out(
        table(
          ['cli.col.file', 'cli.col.added', 'cli.col.rejected', 'cli.col.known'],
          reports.map(({ file, report }) => [
            file,
            String(report.added),
            String(report.rejected),
            String(report.skipped),
          ]),
        ),
      );
      // The first line of a summary is the table's counts; the rest say what needs attention.
      for (const { file, report } of reports) {
        const lines = report.summary.slice(1).filter((line) => line !== report.blocked);
        if (lines.length === 0) continue;
        if (reports.length > 1) out(`${file}:`);
        lines.forEach((line) => out(line));
      }
      // Nothing went in because staff have a step to finish first: fail, so a script notices.
      if (
        reports.some((r) => r.report.blocked) &&
        reports.every((r) => r.report.blocked || r.report.rowsIn === 0)
      ) {
        throw new Error(
          reports
            .filter((r) => r.report.blocked)
            .map((r) => `${r.file}: ${r.report.blocked}`)
            .join(' | '),
        );
      }
    });

  command('showcase')
    .description(help('cli.help.showcase'))
    .argument('[workbook]', help('cli.help.workbook'))
    .requiredOption('--month <YYYY-MM>', help('cli.help.month'), month)
    .action(async (path: string | undefined, options: { month: string }) => {
      const report = await withWorkbook(path, (ports) => prepareShowcase(ports, options.month));
      out(
        table(
          ['cli.col.branchId', 'cli.col.branchName', 'cli.col.pickedAs', 'cli.col.why'],
          report.picks.map((p) => [p.branch, p.name, term(SHOWCASE_REASONS, p.reason), p.note]),
        ),
      );
      report.summary.forEach((l) => out(l));
    });

  command('finalize')
    .alias('finalise')
    .description(help('cli.help.finalize'))
    .argument('[workbook]', help('cli.help.workbook'))
    .requiredOption('--month <YYYY-MM>', help('cli.help.month'), month)
    .action(async (path: string | undefined, options: { month: string }) => {
      const report = await withWorkbook(path, (ports) => finaliseMonth(ports, options.month));
      out(
        table(
          [
            'cli.col.rank',
            'cli.col.branchId',
            'cli.col.branchName',
            'cli.col.score',
            'cli.col.stars',
            'cli.col.starBranch',
          ],
          report.results
            .slice(0, 20)
            .map((r) => [
              String(r.rank),
              r.branch,
              r.branchName ?? '',
              r.score.toFixed(2),
              r.starsText ?? '',
              r.starBranch ? '★' : '',
            ]),
        ),
      );
      report.summary.forEach((l) => out(l));
    });

  command('refresh')
    .description(help('cli.help.refresh'))
    .argument('<workbook>')
    .action(async (path: string) => {
      const report = await withWorkbook(path, (ports) => refreshStaleMonths(ports));
      report.summary.forEach((l) => out(l));
    });

  command('defense')
    .description(help('cli.help.defense'))
    .argument('[workbook]', help('cli.help.workbook'))
    .action(async (path: string | undefined) => {
      const report = await withWorkbook(path, (ports) => aggregateDefense(ports));
      const rows = [...report.results].sort((a, b) => (a.rank ?? 999) - (b.rank ?? 999));
      const outOf = rows[0]?.outOf;
      out(
        formatTable(
          [
            say('cli.col.rank'),
            say('cli.col.branchId'),
            say('cli.col.branchName'),
            outOf ? say('cli.col.scoreOf', { max: outOf }) : say('cli.col.score'),
            say('cli.col.judges'),
            say('cli.col.dropped'),
          ],
          rows.map((r) => [
            String(r.rank ?? '-'),
            r.branch,
            r.branchName ?? '',
            r.score?.toFixed(2) ?? '',
            String(r.judgesCounted),
            r.dropped ?? '',
          ]),
        ),
      );
      report.summary.forEach((l) => out(l));
    });

  /** The awards as a table, then what the job has to say. */
  const printAwards = (awards: AwardsReport) => {
    out(
      table(
        [
          'cli.col.award',
          'cli.col.recipient',
          'cli.col.title',
          'cli.col.score',
          'cli.col.rank',
          'cli.col.state',
        ],
        awards.awards.map((a) => [
          a.awardId,
          a.recipient,
          a.title,
          a.score?.toFixed(2) ?? '',
          String(a.rank ?? ''),
          a.state === 'provisional' ? term(AWARD_STATES, 'provisional') : '',
        ]),
      ),
    );
    awards.summary.forEach((l) => out(l));
  };

  command('awards')
    .description(help('cli.help.awards'))
    .argument('[workbook]', help('cli.help.workbook'))
    .option('--letters [dir]', help('cli.help.awards.letters'))
    .option('--template <file>', help('cli.help.awards.template'))
    .option('--pdf', help('cli.help.awards.pdf'))
    .option('--provisional', help('cli.help.awards.provisional'))
    .option('--reissue', help('cli.help.awards.reissue'))
    .action(async (path: string | undefined, options: AwardsCommandOptions) => {
      checkTarget(path);
      const selection = {
        provisional: options.provisional === true,
        reissue: options.reissue === true,
      };
      if (googleTarget() !== null) {
        const say = (l: string) => process.stderr.write(`${l}\n`);
        const { awards, letters } = await awardsOnGoogle(
          { letters: options.letters !== undefined, ...selection },
          say,
        );
        printAwards(awards);
        letters?.summary.forEach((l) => out(l));
        return;
      }
      const folder = typeof options.letters === 'string' ? options.letters : undefined;
      if (options.letters === true) throw new UsageError(say('cli.error.lettersFolder'));
      if (options.template && !folder) {
        throw new UsageError(say('cli.error.templateNeedsLetters'));
      }
      if (options.reissue && !folder) throw new UsageError(say('cli.error.reissueNeedsLetters'));
      const ownTemplate = options.template ? readTemplate(options.template) : undefined;
      if (folder) mkdirSync(folder, { recursive: true });
      const { awards, letters, made } = await withWorkbook(path, (ports) => {
        const locale = readConfig(ports).locale;
        // Always at hand: a letter that no longer says what its award says is voided by `awards`.
        // New letters are in the workbook's language, unless staff bring their own template.
        const documents = new DocxMaker({
          workbookDir: dirname(resolve(path!)),
          ...(folder ? { folder, template: ownTemplate ?? loadDefaultTemplate(locale) } : {}),
        });
        const withLetters = { ...ports, documents };
        return {
          awards: selectAwards(withLetters, { provisional: selection.provisional }),
          letters: folder ? issueLetters(withLetters, { reissue: selection.reissue }) : null,
          made: documents.made,
        };
      });
      printAwards(awards);
      if (letters) {
        letters.summary.forEach((l) => out(l));
        const elsewhere = lettersElsewhere(path!, folder!, awards.awards);
        if (letters.made === 0 && elsewhere) {
          out(say('awards.lettersElsewhere', { count: letters.kept, folder: elsewhere }));
        }
        if (options.pdf) await writePdfs(made, cliLocale(), out, err);
      }
    });

  command('forms')
    .description(help('cli.help.forms'))
    .argument('[workbook]', help('cli.help.forms.workbook'))
    .requiredOption('--csv-templates <dir>', help('cli.help.forms.csvTemplates'))
    .option('--force', help('cli.help.forms.force'))
    .action(
      async (path: string | undefined, options: { csvTemplates: string; force?: boolean }) => {
        const config = path
          ? readConfig({ store: await openWorkbook(path), clock: new SystemClock() })
          : DEFAULT_CONFIG;
        noteWorkbookLocale(config.locale);
        // The question titles in the language the command speaks: `--lang`, else the workbook's.
        const locale = cliLocale();
        const templates = formTemplates(config.defenseRubric, locale);
        const folder = options.csvTemplates;
        if (!options.force) {
          const taken = templates.find((f) => existsSync(join(folder, f.fileName)));
          if (taken) {
            throw new UsageError(say('starter.exists', { file: join(folder, taken.fileName) }));
          }
        }
        mkdirSync(folder, { recursive: true });
        for (const template of templates) {
          writeFileSync(join(folder, template.fileName), template.csv, 'utf8');
        }
        out(
          table(
            ['starter.column.form', 'starter.column.file', 'starter.column.questions'],
            templates.map((f) => [f.form, join(folder, f.fileName), String(f.questions)]),
          ),
        );
        out(
          say('starter.written', {
            count: templates.length,
            language: say('starter.language'),
            folder,
          }),
        );
      },
    );

  command('report')
    .description(help('cli.help.report'))
    .argument('[workbook]', help('cli.help.workbook'))
    .requiredOption('--out <file>', help('cli.help.report.out'))
    .action(async (path: string | undefined, options: { out: string }) => {
      const report = await withWorkbook(path, (ports) => buildReport(ports));
      writeFileSync(options.out, renderReportHtml(report.model, report.model.locale));
      out(
        table(
          ['cli.col.report', 'cli.col.branches', 'cli.col.activities'],
          [
            [
              options.out,
              String(report.model.headline.branchesTakingPart),
              String(report.model.headline.activitiesCounted),
            ],
          ],
        ),
      );
    });

  command('honours')
    .description(help('cli.help.honours'))
    .argument('<workbook>', help('cli.help.workbook'))
    .requiredOption('--out <dir>', help('cli.help.honours.out'))
    .action(async (path: string, options: { out: string }) => {
      // Reading only: the workbook is not saved (nor backed up).
      const store = await openWorkbook(path);
      const config = readConfig({ store, clock: new SystemClock() });
      const clock = new SystemClock(config.timeZone);
      const site = await writeHonoursSite({ store, clock }, path, options.out);
      const current = site.roll.years.find((y) => y.programYear === config.programYear);
      out(
        table(
          ['cli.col.site', 'cli.col.years', 'cli.col.advancedBranches', 'cli.col.excellentMembers'],
          [
            [
              site.index,
              String(site.roll.years.length),
              String(current?.branches.length ?? 0),
              String(current?.members.length ?? 0),
            ],
          ],
        ),
      );
    });

  command('board')
    .description(help('cli.help.board'))
    .argument('<workbook>', help('cli.help.workbook'))
    .requiredOption('--month <YYYY-MM>', help('cli.help.board.month'), month)
    .requiredOption('--out <file>', help('cli.help.board.out'))
    .option('--close', help('cli.help.board.close'))
    .action(async (path: string, options: { month: string; out: string; close?: boolean }) => {
      let board: BoardModel;
      let clock: SystemClock;
      let voteUrl: string | null;
      if (options.close) {
        const closed = await withWorkbook(path, (ports) => ({
          report: closeVote(ports, options.month),
          config: readConfig(ports),
        }));
        board = closed.report.board;
        clock = new SystemClock(closed.config.timeZone);
        voteUrl = closed.config.voteFormUrl;
        closed.report.summary.forEach((l) => out(l));
      } else {
        const store = await openWorkbook(path);
        const config = readConfig({ store, clock: new SystemClock() });
        clock = new SystemClock(config.timeZone);
        board = readBoard({ store, clock }, options.month);
        voteUrl = config.voteFormUrl;
      }
      writeBoardPage(board, options.out, { voteUrl, clock });
      out(
        table(
          [
            'cli.col.board',
            'cli.col.presenters',
            'cli.col.voters',
            'cli.col.votes',
            'cli.col.vote',
          ],
          [
            [
              options.out,
              String(board.presenters.length),
              String(board.voters),
              String(board.votes),
              board.closedAt
                ? say('cli.board.closed', { at: board.closedAt })
                : say('cli.board.open'),
            ],
          ],
        ),
      );
    });

  const rubric = command('rubric').description(help('cli.help.rubric'));
  speakHelpCommand(rubric, helpLocale);
  rubric
    .command('archive')
    .description(help('cli.help.rubric.archive'))
    .argument('<workbook>')
    .action(async (path: string) => {
      const report = await withWorkbook(path, (ports) => archiveRubricScores(ports));
      report.summary.forEach((l) => out(l));
    });

  command('reprocess')
    .description(help('cli.help.reprocess'))
    .argument('[workbook]', help('cli.help.workbook'))
    .action(async (path: string | undefined) => {
      const report = await withWorkbook(path, (ports) => reprocessRejected(ports));
      out(
        table(
          ['cli.col.moved', 'cli.col.stillRejected'],
          [[String(report.moved), String(report.stillRejected)]],
        ),
      );
      // After the counts (the table says them): the months the moved rows made stale.
      report.summary.slice(1).forEach((l) => out(l));
    });

  addGoogleCommands(program, out, (l) => process.stderr.write(`${l}\n`), helpLocale);
  speakHelpCommand(program, helpLocale);
  return program;
}

interface AwardsCommandOptions {
  /** A folder; bare `--letters` (no folder) only with --google, where letters are Google Docs. */
  letters?: string | true;
  template?: string;
  pdf?: boolean;
  provisional?: boolean;
  reissue?: boolean;
}

/**
 * The folder (as the user would type it) holding the awards' current letters when it is not the
 * one asked for: the letters were made before, elsewhere, and were not made again.
 */
function lettersElsewhere(
  workbook: string,
  asked: string,
  awards: readonly { letterId: string | null }[],
): string | null {
  const base = dirname(resolve(workbook));
  const folders = new Set(
    awards.flatMap((a) => (a.letterId ? [dirname(resolve(base, a.letterId))] : [])),
  );
  const other = [...folders].find((f) => f !== resolve(asked));
  return other === undefined ? null : relative(process.cwd(), other) || '.';
}

function readTemplate(path: string): Buffer {
  if (!existsSync(path)) throw new UsageError(say('cli.error.templateMissing', { path }));
  const template = readFileSync(path);
  const known = new Set(LETTER_PLACEHOLDERS.map((p) => p.key));
  const unknown = templatePlaceholders(template).filter((p) => !known.has(p));
  if (unknown.length > 0) {
    throw new UsageError(
      say('cli.error.templateUnknown', {
        path,
        unknown: unknown.map((u) => `{{${u}}}`).join(', '),
        known: [...known].join(', '),
      }),
    );
  }
  return template;
}

/** `--lang zh-CN|en` (or `--lang=…`), read before the program is built: its help speaks it. */
function chosenLanguage(argv: readonly string[]): Locale | null {
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i] === '--lang' ? argv[i + 1] : /^--lang=(.*)$/.exec(argv[i]!)?.[1];
    if (value === 'zh-CN' || value === 'en') return value;
  }
  return null;
}

/** Runs the CLI; resolves to the exit code. */
export async function main(
  argv: readonly string[],
  out?: Out,
  err: Out = (l) => process.stderr.write(`${l}\n`),
): Promise<number> {
  resetCliLocale();
  const chosen = chosenLanguage(argv);
  chooseCliLocale(chosen);
  const program = buildProgram(out, chosen ?? 'zh-CN', err);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ||
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version'
        ? 0
        : 2;
    }
    if (error instanceof UsageError) {
      err(`starbranch: ${error.message}`);
      return 2;
    }
    const google = googleFailure(error);
    if (google) {
      err(`starbranch: ${google.line}`);
      return google.code;
    }
    const message = error instanceof Error ? error.message : String(error);
    err(`starbranch: ${message.split('\n').join(' | ')}`);
    return 1;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
