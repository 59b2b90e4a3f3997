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
import { FORM_NAMES, type FormName } from '../domain/forms';
import { LETTER_PLACEHOLDERS } from '../domain/letterFields';
import { t, type MessageKey } from '../domain/messages';
import { DEFAULT_CONFIG } from '../domain/config';
import type { Locale } from '../domain/vocabulary';
import { SystemClock } from './clock';
import { runDemo } from './demo/runDemo';
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
  const ports: Ports = { ...base, clock: new SystemClock(readConfig(base).timeZone) };
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
  if (!isValidMonth(value))
    throw new UsageError(`--month: "${value}" is not a month; expected YYYY-MM, e.g. 2026-10`);
  return value;
}

/**
 * `out` gets what a command reports (tables, summaries); `say` gets progress and notes while it
 * works (stderr by default, so that `out` can be piped).
 */
export function buildProgram(
  out: Out = (l) => process.stdout.write(`${l}\n`),
  say: Out = (l) => process.stderr.write(`${l}\n`),
): Command {
  const program = new Command('starbranch')
    .description('先进党支部创建 · run an advanced party-branch programme from an .xlsx workbook')
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride();

  program
    .command('demo')
    .description('run a sample programme year end to end (what `npm start` runs)')
    .option('--out <dir>', 'folder for the workbook, letters, form exports and report', 'out')
    .action(async (options: { out: string }) => {
      const started = performance.now();
      const progress = terminalProgress();
      const result = await runDemo(options.out, progress);
      progress.stop();
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      out(
        formatTable(
          ['when', 'step', 'what happened'],
          result.steps
            .filter((s) => !s.step.startsWith('ingest activity'))
            .map((s) => [s.when.slice(0, 10), s.step, s.detail]),
        ),
      );
      out('');
      out(
        formatTable(
          ['#', 'branch', 'final', 'advanced'],
          result.awards.standings
            .slice(0, 16)
            .map((s) => [
              String(s.rank),
              s.name,
              formatFixed(s.total),
              s.advanced ? '先进党支部' : s.eligible ? '' : '未达标',
            ]),
        ),
      );
      out('');
      out(
        formatTable(
          ['output', 'where'],
          [
            ['workbook', result.workbook],
            ['letters', `${result.lettersDir}/ (${result.letters.made} .docx)`],
            ['report', result.report],
            ['honour roll', `${result.site}/index.html`],
            ['meeting board', result.board],
            ['form exports', `${result.formsDir}/`],
            ['rejected responses', `${result.rejected} (sheet 待处理)`],
            ['time', `${seconds} s`],
          ],
        ),
      );
    });

  program
    .command('init')
    .description('create an empty workbook with every sheet, header and dropdown')
    .argument('<workbook>', 'the .xlsx file to create')
    .addOption(
      new Option('--locale <locale>', 'sheet and header language')
        .choices(['zh-CN', 'en'])
        .default('zh-CN'),
    )
    .option('--force', 'overwrite an existing file')
    .action(async (path: string, options: { locale: 'zh-CN' | 'en'; force?: boolean }) => {
      if (existsSync(path) && !options.force) {
        throw new UsageError(`${path} already exists; use --force to overwrite it`);
      }
      const store = newWorkbook(options.locale);
      await saveWorkbook(store, path, new SystemClock().now());
      out(formatTable(['workbook', 'sheets'], [[path, store.sheetNames().join(', ')]]));
    });

  program
    .command('ingest')
    .description('add a Google Forms CSV export; re-ingesting the same rows adds nothing')
    .argument('<workbook>')
    .argument('<csv...>', 'one or more CSV exports of the same form')
    .addOption(
      new Option('--form <form>', 'which form the CSV is from')
        .choices([...FORM_NAMES])
        .makeOptionMandatory(),
    )
    .action(async (path: string, files: string[], options: { form: FormName }) => {
      for (const file of files) {
        if (!existsSync(file)) throw new UsageError(`${file}: no such file`);
      }
      const reports = await withWorkbook(path, (ports) =>
        files.map((file) => ({
          file: basename(file),
          report: ingestCsv(ports, options.form, readFileSync(file), basename(file)),
        })),
      );
      out(
        formatTable(
          ['file', 'added', 'rejected', 'already known'],
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

  program
    .command('showcase')
    .description("draw the month's showcase branches (top scores + seeded spot checks)")
    .argument('[workbook]', 'the .xlsx workbook, or none with --google')
    .requiredOption('--month <YYYY-MM>', 'the month', month)
    .action(async (path: string | undefined, options: { month: string }) => {
      const report = await withWorkbook(path, (ports) => prepareShowcase(ports, options.month));
      out(
        formatTable(
          ['branch', 'name', 'picked as', 'why'],
          report.picks.map((p) => [p.branch, p.name, p.reason, p.note]),
        ),
      );
      report.summary.forEach((l) => out(l));
    });

  program
    .command('finalize')
    .alias('finalise')
    .description(
      'finalise a month: scores, stars, ranks, star branch of the month; also recomputes every stale month',
    )
    .argument('[workbook]', 'the .xlsx workbook, or none with --google')
    .requiredOption('--month <YYYY-MM>', 'the month', month)
    .action(async (path: string | undefined, options: { month: string }) => {
      const report = await withWorkbook(path, (ports) => finaliseMonth(ports, options.month));
      out(
        formatTable(
          ['rank', 'branch', 'name', 'score', 'stars', 'star branch'],
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

  program
    .command('refresh')
    .description('recompute every finalised month whose inputs changed since (需重算 / stale)')
    .argument('<workbook>')
    .action(async (path: string) => {
      const report = await withWorkbook(path, (ports) => refreshStaleMonths(ports));
      report.summary.forEach((l) => out(l));
    });

  program
    .command('defense')
    .description("aggregate the judges' defense scores (trimmed mean)")
    .argument('[workbook]', 'the .xlsx workbook, or none with --google')
    .action(async (path: string | undefined) => {
      const report = await withWorkbook(path, (ports) => aggregateDefense(ports));
      const rows = [...report.results].sort((a, b) => (a.rank ?? 999) - (b.rank ?? 999));
      const outOf = rows[0]?.outOf;
      out(
        formatTable(
          ['rank', 'branch', 'name', outOf ? `score (of ${outOf})` : 'score', 'judges', 'dropped'],
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
      formatTable(
        ['award', 'recipient', 'title', 'score', 'rank', 'state'],
        awards.awards.map((a) => [
          a.awardId,
          a.recipient,
          a.title,
          a.score?.toFixed(2) ?? '',
          String(a.rank ?? ''),
          a.state === 'provisional' ? '暂定' : '',
        ]),
      ),
    );
    awards.summary.forEach((l) => out(l));
  };

  program
    .command('awards')
    .description('select the advanced branches and excellent members; optionally write the letters')
    .argument('[workbook]', 'the .xlsx workbook, or none with --google')
    .option(
      '--letters [dir]',
      'write one .docx letter per final award into this folder (with --google: Google Docs)',
    )
    .option('--template <file>', 'your own .docx template with {{placeholders}}')
    .option('--pdf', 'also convert each letter to PDF (needs LibreOffice)')
    .option(
      '--provisional',
      'select although some eligible branch has no defense result yet (rows marked 暂定, no letters)',
    )
    .option('--reissue', 'void every letter made so far and make it again (needs --letters)')
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
      if (options.letters === true) throw new UsageError('--letters needs a folder');
      if (options.template && !folder) throw new UsageError('--template needs --letters <dir>');
      if (options.reissue && !folder) throw new UsageError('--reissue needs --letters <dir>');
      const ownTemplate = options.template ? readTemplate(options.template) : undefined;
      if (folder) mkdirSync(folder, { recursive: true });
      const { awards, letters, locale, made } = await withWorkbook(path, (ports) => {
        const locale = readConfig(ports).locale;
        // Always at hand: a letter that no longer says what its award says is voided by `awards`.
        // New letters are in the workbook's language, unless staff bring their own template.
        const documents = new DocxMaker({
          workbookDir: dirname(resolve(path!)),
          ...(folder ? { folder, template: ownTemplate ?? loadDefaultTemplate(locale) } : {}),
        });
        const withLetters = { ...ports, documents };
        return {
          locale,
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
          out(t(locale, 'awards.lettersElsewhere', { count: letters.kept, folder: elsewhere }));
        }
        if (options.pdf) await writePdfs(made, locale, out, say);
      }
    });

  program
    .command('forms')
    .description(
      "the five forms' question titles: empty CSV templates, one per form, with the exact titles",
    )
    .argument('[workbook]', 'a workbook: its defense rubric and language (default: the defaults)')
    .requiredOption('--csv-templates <dir>', 'write the empty CSV templates into this folder')
    .addOption(
      new Option(
        '--lang <locale>',
        'question titles in this language (default: the workbook’s)',
      ).choices(['zh-CN', 'en']),
    )
    .option('--force', 'overwrite templates already in the folder')
    .action(
      async (
        path: string | undefined,
        options: { csvTemplates: string; lang?: Locale; force?: boolean },
      ) => {
        const config = path
          ? readConfig({ store: await openWorkbook(path), clock: new SystemClock() })
          : DEFAULT_CONFIG;
        const locale = options.lang ?? config.locale;
        const templates = formTemplates(config.defenseRubric, locale);
        const folder = options.csvTemplates;
        if (!options.force) {
          const taken = templates.find((f) => existsSync(join(folder, f.fileName)));
          if (taken) {
            throw new UsageError(
              t(locale, 'starter.exists', { file: join(folder, taken.fileName) }),
            );
          }
        }
        mkdirSync(folder, { recursive: true });
        for (const template of templates) {
          writeFileSync(join(folder, template.fileName), template.csv, 'utf8');
        }
        out(
          formatTable(
            ['form', 'file', 'questions'].map((c) =>
              t(locale, `starter.column.${c}` as MessageKey),
            ),
            templates.map((f) => [f.form, join(folder, f.fileName), String(f.questions)]),
          ),
        );
        out(
          t(locale, 'starter.written', {
            count: templates.length,
            language: t(locale, 'starter.language'),
            folder,
          }),
        );
      },
    );

  program
    .command('report')
    .description('write the year report: one self-contained HTML page')
    .argument('[workbook]', 'the .xlsx workbook, or none with --google')
    .requiredOption('--out <file>', 'the .html file to write')
    .action(async (path: string | undefined, options: { out: string }) => {
      const report = await withWorkbook(path, (ports) => buildReport(ports));
      writeFileSync(options.out, renderReportHtml(report.model, report.model.locale));
      out(
        formatTable(
          ['report', 'branches', 'activities'],
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

  program
    .command('honours')
    .description('write the honour roll (荣誉榜) as a static site: index.html and honours.json')
    .argument('<workbook>')
    .requiredOption('--out <dir>', 'the folder to write the site into')
    .action(async (path: string, options: { out: string }) => {
      // Reading only: the workbook is not saved (nor backed up).
      const store = await openWorkbook(path);
      const config = readConfig({ store, clock: new SystemClock() });
      const clock = new SystemClock(config.timeZone);
      const site = await writeHonoursSite({ store, clock }, path, options.out);
      const current = site.roll.years.find((y) => y.programYear === config.programYear);
      out(
        formatTable(
          ['site', 'years', 'advanced branches', 'excellent members'],
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

  program
    .command('board')
    .description(
      "write the month's meeting board: who presents and why, the vote tally, and once the vote is closed the star branch",
    )
    .argument('<workbook>')
    .requiredOption('--month <YYYY-MM>', 'the month', month)
    .requiredOption('--out <file>', 'the .html file to write')
    .option('--close', "close the month's on-site vote first: votes submitted later do not count")
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
        formatTable(
          ['board', 'presenters', 'voters', 'votes', 'vote'],
          [
            [
              options.out,
              String(board.presenters.length),
              String(board.voters),
              String(board.votes),
              board.closedAt ? `closed ${board.closedAt}` : 'open',
            ],
          ],
        ),
      );
    });

  program
    .command('rubric')
    .description('the defense rubric: after changing it in Config')
    .command('archive')
    .description('move the defense scores given under an old rubric to a dated sheet')
    .argument('<workbook>')
    .action(async (path: string) => {
      const report = await withWorkbook(path, (ports) => archiveRubricScores(ports));
      report.summary.forEach((l) => out(l));
    });

  program
    .command('reprocess')
    .description('move corrected rows from the Rejected sheet into their tables')
    .argument('[workbook]', 'the .xlsx workbook, or none with --google')
    .action(async (path: string | undefined) => {
      const report = await withWorkbook(path, (ports) => reprocessRejected(ports));
      out(
        formatTable(
          ['moved', 'still rejected'],
          [[String(report.moved), String(report.stillRejected)]],
        ),
      );
      // After the counts (the table says them): the months the moved rows made stale.
      report.summary.slice(1).forEach((l) => out(l));
    });

  addGoogleCommands(program, out, (l) => process.stderr.write(`${l}\n`));
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
  if (!existsSync(path)) throw new UsageError(`--template: ${path}: no such file`);
  const template = readFileSync(path);
  const known = new Set(LETTER_PLACEHOLDERS.map((p) => p.key));
  const unknown = templatePlaceholders(template).filter((p) => !known.has(p));
  if (unknown.length > 0) {
    throw new UsageError(
      `${path}: unknown placeholder ${unknown.map((u) => `{{${u}}}`).join(', ')}; known: ${[...known].join(', ')}`,
    );
  }
  return template;
}

/** Runs the CLI; resolves to the exit code. */
export async function main(
  argv: readonly string[],
  out?: Out,
  err: Out = (l) => process.stderr.write(`${l}\n`),
): Promise<number> {
  const program = buildProgram(out, err);
  program.configureOutput({
    writeErr: (s) => err(s.trimEnd()),
    writeOut: (s) => (out ?? ((l) => process.stdout.write(`${l}\n`)))(s.trimEnd()),
  });
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
