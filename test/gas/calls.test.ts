/**
 * Service calls per Apps Script job (DESIGN §10), measured through the built bundle: every job's
 * calls are the same at 1× and 10× (one read of the sheets it needs, one write of the sheets it
 * changes), form ingest ≤ 8 calls per response, letters ≤ 4 calls each. The table is printed.
 *
 * The grow call: a job that writes past a sheet's last row first sends one
 * `Sheets.Spreadsheets.batchUpdate` (appendDimension). It is the one call allowed to differ
 * between scales, and only where a sheet needed more rows (see callCounts.ts).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import type { FormName } from '../../src/domain/forms';
import { t } from '../../src/domain/messages';
import { GAS_JOBS, GROW_METHOD, type GasJob, type GasMeasurement } from './callCounts';
import {
  activityAnswers,
  addJudges,
  applicationAnswers,
  approvedChoices,
  compactSheets,
  cst,
  defenseAnswers,
  formatCallTable,
  freshGas,
  measure,
  nominationAnswers,
  reviewBranches,
  splitResponseReads,
  total,
  voteAnswers,
  type CallCounts,
} from './support';

/** The jobs that read and write the workbook (setup builds it; it is measured on its own). */
const DATA_JOBS: readonly GasJob[] = [
  'refresh form choices',
  'showcase',
  'ingest',
  'daily trigger',
  'finalise',
  'defense',
  'awards',
  'letters (none due)',
  'dashboard',
  'reprocess rejected',
];

/** The jobs that fold the inbox: the submit run and the daily trigger. */
const FOLDS: readonly GasJob[] = ['ingest', 'daily trigger'];

/**
 * The jobs whose one write is a `spreadsheets.batchUpdate` (values as `updateCells`, with the
 * growth in it): the dashboard, whose sheet, formats and charts go with its Log row.
 */
const ONE_BATCH: readonly GasJob[] = ['dashboard'];

const ROOT = join(__dirname, '..', '..');

/**
 * Measures the scales in parallel child processes running plain node (the machine has two cores
 * and jest uses one; the use cases also run about twice as fast outside jest's module sandbox),
 * the way `npm run bench` runs: callCounts.ts bundled by esbuild, its packages external.
 */
async function measureInChildren(
  scales: readonly (1 | 10)[],
): Promise<Record<1 | 10, GasMeasurement>> {
  const cache = join(ROOT, 'node_modules', '.cache', 'starbranch-gas-calls');
  mkdirSync(cache, { recursive: true });
  const folder = mkdtempSync(join(cache, 'run-'));
  const bundle = join(folder, 'measure.cjs');
  try {
    buildSync({
      stdin: {
        contents: [
          "import { measureGas } from './test/gas/callCounts';",
          'const m = measureGas(Number(process.argv[2]));',
          "process.stdout.write('\\n@@measurement@@' + JSON.stringify(m) + '\\n');",
        ].join('\n'),
        resolveDir: ROOT,
        loader: 'ts',
        sourcefile: 'measure.ts',
      },
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      packages: 'external',
      outfile: bundle,
      logLevel: 'warning',
    });
    const run = (scale: number) =>
      new Promise<GasMeasurement>((resolve, reject) => {
        const child = spawn(process.execPath, [bundle, String(scale)], { cwd: ROOT });
        let out = '';
        let err = '';
        child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
        child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
        child.on('error', reject);
        child.on('close', (code) => {
          const line = out.split('\n').find((l) => l.startsWith('@@measurement@@'));
          if (code !== 0 || !line) reject(new Error(`measureGas(${scale}) exited ${code}: ${err}`));
          else resolve(JSON.parse(line.slice('@@measurement@@'.length)) as GasMeasurement);
        });
      });
    const results = await Promise.all(scales.map(run));
    const out = {} as Record<1 | 10, GasMeasurement>;
    scales.forEach((k, i) => (out[k] = results[i]!));
    return out;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const without = (counts: CallCounts, method: string): CallCounts =>
  Object.fromEntries(Object.entries(counts).filter(([m]) => m !== method));

describe('service calls per job at 1× and 10×', () => {
  let at = {} as Record<1 | 10, GasMeasurement>;

  beforeAll(async () => {
    at = await measureInChildren([1, 10]);
    const columns = { '1×': at[1].calls, '10×': at[10].calls };
    const letters = `letters made: ${at[1].letters} at 1×, ${at[10].letters} at 10×`;
    const grew = GAS_JOBS.filter((j) => at[1].grew[j] || at[10].grew[j])
      .map(
        (j) =>
          `${j}: ${at[1].grew[j] ? 'grew' : 'no growth'} at 1×, ${at[10].grew[j] ? 'grew' : 'no growth'} at 10×`,
      )
      .join('; ');
    const timing = ([1, 10] as const)
      .map((k) => {
        const t = at[k].timings;
        return `${k}×: state ${t.state.toFixed(0)} ms, seed ${t.seed.toFixed(0)} ms, jobs ${t.jobs.toFixed(0)} ms`;
      })
      .join('; ');
    console.log(
      [
        'Apps Script service calls per job (built bundle in the sandbox)',
        formatCallTable(columns, { detail: false }),
        '',
        formatCallTable(columns),
        '',
        letters,
        `sheets that needed more rows: ${grew || 'none'}`,
        timing,
      ].join('\n'),
    );
  }, 120_000);

  it('ran the year it was meant to: every job did its work at both scales', () => {
    for (const k of [1, 10] as const) {
      const { outcomes, seeded, letters } = at[k];
      expect(seeded['支部']).toBe(52 * k);
      expect(seeded['活动']).toBeGreaterThan(550 * k);
      expect(seeded['答辩评分']).toBe(351 * k);
      expect(outcomes['setup (again)']).toContain('工作表：新建 0 张，保留 14 张');
      expect(outcomes['refresh form choices']).toBe(`${50 * k} 个支部已写入 4 个下拉选项`);
      expect(outcomes.showcase).toBe('2027-06：抽选 5 个支部示范汇报');
      // The 25 June votes wait in the vote form's response sheet (and the seeded year's last one).
      expect(outcomes['daily trigger']).toMatch(
        new RegExp(`^${t('zh-CN', 'gas.ingest.reconciled', { count: '2[56]' })}$`),
      );
      expect(outcomes.finalise).toMatch(new RegExp(`^2027-06：${50 * k} 个支部排名`));
      expect(outcomes.defense).toMatch(new RegExp(`^汇总 ${50 * k} 个支部的答辩成绩`));
      expect(outcomes.awards).toMatch(/^14 个先进党支部，\d+ 名优秀学生党员/);
      expect(outcomes.letters).toBe(`生成证书 ${letters} 封（其中重新生成 0 封），作废 0 封`);
      expect(outcomes['letters (none due)']).toBe('生成证书 0 封（其中重新生成 0 封），作废 0 封');
      expect(letters).toBeGreaterThan(14);
    }
    expect(at[10].letters).toBeGreaterThan(at[1].letters);
  });

  it('every job makes the same calls, method by method, at 1× and 10×', () => {
    for (const job of GAS_JOBS) {
      expect([job, without(at[10].calls[job], GROW_METHOD)]).toEqual([
        job,
        without(at[1].calls[job], GROW_METHOD),
      ]);
    }
  });

  it('the grow call appears exactly where a sheet needed more rows, once', () => {
    for (const k of [1, 10] as const) {
      // Setup's one batchUpdate is its sheets, and a fold's is its atomic append (appendCells grows
      // the grid): neither is growth.
      for (const job of GAS_JOBS.filter(
        (j) => !j.startsWith('setup') && !FOLDS.includes(j) && !ONE_BATCH.includes(j),
      )) {
        const grow = at[k].calls[job][GROW_METHOD] ?? 0;
        expect([k, job, grow]).toEqual([k, job, at[k].grew[job] ? 1 : 0]);
      }
    }
    // 10× June results: 500 new rows in a 4,500-row sheet with 450 spare; 1×: 50 in 450 + 550.
    expect(at[10].grew.finalise).toBe(true);
    expect(at[1].grew.finalise).toBe(false);
  });

  it('an activity report: 9 service calls, and no reads of the response object', () => {
    for (const k of [1, 10] as const) {
      const ingest = at[k].calls.ingest;
      expect(total(ingest)).toBe(9);
      // Metadata and marks; the inbox rows with the slices; the branch rows; one atomic append.
      expect(ingest['Sheets.Spreadsheets.get']).toBe(1);
      expect(ingest['Sheets.Spreadsheets.Values.batchGet']).toBe(2);
      expect(ingest['Sheets.Spreadsheets.batchUpdate']).toBe(1);
      expect(ingest['Sheets.Spreadsheets.Values.batchUpdate']).toBeUndefined();
      expect(ingest['Lock.tryLock']).toBe(1);
      expect(ingest['Lock.releaseLock']).toBe(1);
      const daily = at[k].calls['daily trigger'];
      expect(total(daily)).toBeLessThanOrEqual(25);
      expect(
        Object.keys(daily).filter((m) => /^(Range|Sheet|Form\w*|ItemResponse)\./.test(m)),
      ).toEqual([]);
      // The answers are in the response sheet's row already: FormApp is not asked.
      expect(total(at[k].calls['ingest (response reads)'])).toBe(0);
      expect(total(at[k].calls['daily trigger (response reads)'])).toBe(0);
    }
  });

  it('letters: at most 4 calls a letter (copy, fill, share, remember)', () => {
    for (const k of [1, 10] as const) {
      const perLetter = at[k].calls['letters (per letter)'];
      expect(perLetter).toEqual({
        'Docs.Documents.batchUpdate': 1,
        'Drive.Files.copy': 1,
        'Drive.Permissions.create': 1,
        'Properties.setProperty': 1,
      });
      expect(total(perLetter)).toBeLessThanOrEqual(4);
    }
  });

  it('each data job reads its sheets in one call and writes them in one', () => {
    for (const k of [1, 10] as const) {
      // The folds read the inbox and the slices, and append with the marks (tested above).
      for (const job of DATA_JOBS.filter((j) => !FOLDS.includes(j))) {
        const counts = at[k].calls[job];
        expect([k, job, counts['Sheets.Spreadsheets.Values.batchGet']]).toEqual([k, job, 1]);
        expect([k, job, counts['Sheets.Spreadsheets.get']]).toEqual([k, job, 1]);
        const oneBatch = ONE_BATCH.includes(job);
        expect([k, job, counts['Sheets.Spreadsheets.Values.batchUpdate'] ?? 0]).toEqual([
          k,
          job,
          job === 'refresh form choices' || oneBatch ? 0 : 1,
        ]);
        if (oneBatch) {
          expect([k, job, counts['Sheets.Spreadsheets.batchUpdate']]).toEqual([k, job, 1]);
        }
        // Never a row or a cell at a time.
        const perCell = Object.keys(counts).filter((m) => /^(Range|Sheet)\./.test(m));
        expect([k, job, perCell]).toEqual([k, job, []]);
        expect(total(counts)).toBeLessThanOrEqual(job === 'daily trigger' ? 25 : 40);
      }
    }
  });

  it('setup: the same at any scale; again, it creates nothing', () => {
    const again = at[10].calls['setup (again)'];
    for (const creating of [
      'FormApp.create',
      'DocumentApp.create',
      'ScriptApp.newTrigger',
      'Sheets.Spreadsheets.Values.batchUpdate',
    ]) {
      expect([creating, again[creating] ?? 0]).toEqual([creating, 0]);
    }
    // Every sheet, header, format, dropdown and protection in one batch, whatever exists.
    for (const run of [at[1].calls.setup, again]) {
      expect(run['Sheets.Spreadsheets.batchUpdate']).toBe(1);
      expect(Object.keys(run).filter((m) => /^(Sheet|Range|Protection)\./.test(m))).toEqual([]);
    }
    expect(at[1].calls.setup['FormApp.create']).toBe(5);
    expect(at[1].calls.setup['DocumentApp.create']).toBe(1);
    // Everything but the forms (sheets, Config, template, triggers, properties, lock) in ≤ 100
    // calls; the forms at FormApp's floor: per form 6 calls, per question ~4, per distinct
    // validation 4 (docs/performance.md, "Setup").
    const isForm = (m: string) =>
      /^(Form|FormApp|TextItem|ListItem|ParagraphTextItem|DateItem|TextValidationBuilder)\./.test(
        m,
      );
    const setup = at[1].calls.setup;
    expect(total(setup, (m) => !isForm(m))).toBeLessThanOrEqual(100);
    const questions = total(setup, (m) => /^Form\.add\w+Item$/.test(m));
    const validations = setup['FormApp.createTextValidation'] ?? 0;
    expect(total(setup, isForm)).toBeLessThanOrEqual(5 * 6 + questions * 4 + validations * 4);
    expect(total(setup)).toBeLessThanOrEqual(300);
  });
});

describe('ingest of one response of each form, through the bundle', () => {
  it('costs 9 service calls for an activity report, at most 12 for the other forms', () => {
    const gas = freshGas({ now: cst('2026-09-02 09:00') });
    const { world, bundle } = gas;
    compactSheets(world);
    const one = (form: FormName, answers: Record<string, string>) => {
      const { value, calls } = measure(world, () =>
        bundle.submitForm(gas.forms[form], answers, { email: 'someone@example.edu' }),
      );
      expect(value.runs.map((r) => r.ok)).toEqual([true]);
      return splitResponseReads(calls);
    };
    const table: Record<string, CallCounts> = {};
    table.application = one('application', applicationAnswers('第一学生党支部')).service;
    reviewBranches(world, ['B001']);
    addJudges(world, [{ name: '刘振华' }]);
    bundle.call('refreshFormChoices');
    const [branch] = approvedChoices(world);
    world.setNow(cst('2026-10-27 15:00'));
    table.activity = one('activity', activityAnswers(branch!, { date: '2026-10-20' })).service;
    table.vote = one('vote', voteAnswers('2026-10', '王建国', branch!, 90)).service;
    table.defense = one('defense', defenseAnswers('刘振华', branch!, [36, 22, 13, 9, 9])).service;
    table.nomination = one('nomination', nominationAnswers(branch!, '李明', '2023010101')).service;
    console.log(`ingest, one response of each form\n${formatCallTable({ calls: table })}`);
    for (const [form, counts] of Object.entries(table)) {
      expect([form, total(counts) <= (form === 'activity' ? 9 : 12)]).toEqual([form, true]);
    }
    expect(total(table.activity!)).toBe(9);
  });
});
