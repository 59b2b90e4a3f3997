/**
 * `npm run bench` (bundled and started by bench/run.mjs).
 *
 * The parent process runs each scale, and the demo year, in a child process of its own (so that
 * each has its own peak memory and a slow scale cannot disturb another's timings), then prints the
 * tables, checks DESIGN §10's targets and writes bench/results.json.
 *
 *   node bench/run.mjs [--scales 1,10,100] [--quick] [--strict] [--out FILE] [--cpu-prof]
 *
 * --quick   1× only, fewer repeats: the CI smoke test.
 * --strict  exit 1 when a measured target is missed (otherwise only a crash fails).
 * --cpu-prof  profile every child (node --cpu-prof) and print the hottest functions by source file.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gasCallCounts, type GasCallCounts } from './gas';
import { HEAVY_DAY_REPORTS, inboxFigures, type InboxFigures } from './inbox';
import {
  fmtMs,
  measureDemo,
  measureScale,
  type DemoMeasurement,
  type JobMeasurement,
  type ScaleResult,
} from './local';

// ———————————————————————————————————————————————————————————————————— options

const REPEATS: Readonly<Record<number, number>> = { 1: 5, 10: 3, 100: 1 };
const QUICK_REPEATS = 3;
/** Per job: it is run again only while all its runs fit in this many ms. */
const BUDGET_MS: Readonly<Record<number, number>> = { 1: 10_000, 10: 10_000, 100: 5_000 };
const NODE_FLAGS = ['--expose-gc', '--max-old-space-size=8192'];

interface Options {
  scales: number[];
  quick: boolean;
  strict: boolean;
  rebuild: boolean;
  out: string;
  cpuProfDir: string | null;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = {
    scales: [1, 10, 100],
    quick: false,
    strict: false,
    rebuild: false,
    out: join(process.cwd(), 'bench', 'results.json'),
    cpuProfDir: null,
  };
  let scalesGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--quick') options.quick = true;
    else if (arg === '--strict') options.strict = true;
    else if (arg === '--rebuild') options.rebuild = true;
    else if (arg === '--out') options.out = value();
    else if (arg === '--cpu-prof-dir') options.cpuProfDir = value();
    else if (arg === '--scales' || arg.startsWith('--scales=')) {
      const text = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : value();
      options.scales = text.split(',').map((s) => {
        const n = Number(s.trim().replace(/[x×]$/i, ''));
        if (!Number.isInteger(n) || n < 1) throw new Error(`--scales: "${s}" is not a scale`);
        return n;
      });
      scalesGiven = true;
    } else throw new Error(`unknown option ${arg}`);
  }
  if (options.quick && !scalesGiven) options.scales = [1];
  options.scales = [...new Set(options.scales)].sort((a, b) => a - b);
  return options;
}

// ———————————————————————————————————————————————————————————————————— child processes

function childArgs(options: Options, name: string): string[] {
  if (!options.cpuProfDir) return NODE_FLAGS;
  return [
    ...NODE_FLAGS,
    '--cpu-prof',
    `--cpu-prof-dir=${options.cpuProfDir}`,
    `--cpu-prof-name=${name}.cpuprofile`,
  ];
}

/** Runs this bundle again with `args`, and reads the JSON it leaves in a temporary file. */
function child<T>(options: Options, name: string, args: string[]): { result: T; wallMs: number } {
  const folder = mkdtempSync(join(os.tmpdir(), 'starbranch-bench-child-'));
  const out = join(folder, 'result.json');
  try {
    const started = performance.now();
    const run = spawnSync(
      process.execPath,
      [...childArgs(options, name), process.argv[1]!, ...args, '--result', out],
      { stdio: ['ignore', 'inherit', 'inherit'] },
    );
    const wallMs = performance.now() - started;
    if (run.status !== 0) {
      throw new Error(`bench ${name} failed (exit ${run.status ?? run.signal})`);
    }
    return { result: JSON.parse(readFileSync(out, 'utf8')) as T, wallMs };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

async function childMain(argv: readonly string[]): Promise<void> {
  const get = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const out = get('--result')!;
  const log = (line: string) => process.stderr.write(`${line}\n`);
  if (argv.includes('--demo')) {
    writeFileSync(out, JSON.stringify(await measureDemo()));
    return;
  }
  const result = await measureScale({
    scale: Number(get('--scale')),
    repeats: Number(get('--repeats')),
    budgetMs: Number(get('--budget')),
    rebuild: argv.includes('--rebuild'),
    log,
  });
  writeFileSync(out, JSON.stringify(result));
}

// ———————————————————————————————————————————————————————————————————— the printed tables

/** The rows of the main table, in the year's order; monthly jobs show their slowest month. */
const KINDS: readonly { kind: string; label: string }[] = [
  { kind: 'ingest application', label: 'ingest applications (all)' },
  { kind: 'ingest activity (batch)', label: 'ingest activity batch †' },
  { kind: 'showcase', label: 'showcase draw †' },
  { kind: 'ingest vote', label: 'ingest on-site votes †' },
  { kind: 'finalise', label: 'finalise month †' },
  { kind: 'ingest nomination', label: 'ingest nominations' },
  { kind: 'ingest defense', label: 'ingest defense sheets' },
  { kind: 'aggregate defense', label: 'aggregate defense' },
  { kind: 'select awards', label: 'select awards' },
  { kind: 'issue letters', label: 'issue letters (fake docs)' },
  { kind: 'build report', label: 'build report' },
  { kind: 'render report.html', label: 'render report.html' },
  { kind: 'ingest one activity (marginal)', label: 'ingest one activity (marginal)' },
  { kind: 'ingest activity, whole year at once', label: 'ingest all activities at once' },
];

/** The measurement shown for a kind: its only job, or its slowest month. */
function shown(result: ScaleResult, kind: string): JobMeasurement | undefined {
  const jobs = result.jobs.filter((j) => j.kind === kind);
  return jobs.reduce<JobMeasurement | undefined>(
    (worst, j) => (worst === undefined || j.stats.medianMs > worst.stats.medianMs ? j : worst),
    undefined,
  );
}

function cell(job: JobMeasurement | undefined): string {
  if (!job) return '—';
  const s = job.stats;
  const spread = s.runs > 1 ? ` [${fmtMs(s.minMs)}–${fmtMs(s.maxMs)}]` : '';
  const rows = job.rowsIn || job.rowsOut ? `  ${job.rowsIn}→${job.rowsOut}` : '';
  return `${fmtMs(s.medianMs)}${spread} ×${s.runs}${rows}`;
}

function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly ('left' | 'right')[] = [],
): string {
  const width = (text: string) => {
    let w = 0;
    for (const ch of text) w += /[\u2e80-\ua4cf\uac00-\ud7a3\uff00-\uff60]/u.test(ch) ? 2 : 1;
    return w;
  };
  const widths = header.map((h, c) => Math.max(width(h), ...rows.map((r) => width(r[c] ?? ''))));
  const line = (cells: readonly string[]) =>
    cells
      .map((text, c) => {
        const pad = ' '.repeat(widths[c]! - width(text));
        return (align[c] ?? (c === 0 ? 'left' : 'right')) === 'left' ? text + pad : pad + text;
      })
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function printJobs(results: readonly ScaleResult[]): void {
  const header = [
    'job',
    ...results.map((r) => `${r.scale}×  ms median [min–max] ×runs  rows in→out`),
  ];
  const rows = KINDS.map(({ kind, label }) => [label, ...results.map((r) => cell(shown(r, kind)))]);
  rows.push([
    'the year: every job once (Σ)',
    ...results.map(
      (r) => `${fmtMs(r.yearComputeMs)} ms (${r.jobs.filter((j) => j.inYear).length} jobs)`,
    ),
  ]);
  console.log('\nCompute per job (in-memory store; ms)');
  console.log(table(header, rows));
  console.log(
    '† run once a month: the slowest of the 10 months is shown (every month is in results.json).',
  );
  const biggest = results[results.length - 1];
  if (!biggest) return;
  const months = [...new Set(biggest.jobs.flatMap((j) => (j.month ? [j.month] : [])))];
  const perMonth = (kind: string, month: string) => {
    const jobs = biggest.jobs.filter((j) => j.kind === kind && j.month === month);
    return jobs.length === 0 ? '—' : jobs.map((j) => fmtMs(j.stats.medianMs)).join(' + ');
  };
  console.log(`\nMonthly jobs at ${biggest.scale}×, month by month (ms median)`);
  console.log(
    table(
      ['month', 'activity batches', 'showcase', 'votes', 'finalise', 'Activities rows in'],
      months.map((m) => [
        m,
        perMonth('ingest activity (batch)', m),
        perMonth('showcase', m),
        perMonth('ingest vote', m),
        perMonth('finalise', m),
        String(biggest.jobs.find((j) => j.kind === 'finalise' && j.month === m)?.rowsIn ?? ''),
      ]),
    ),
  );
}

function printWorkbook(results: readonly ScaleResult[]): void {
  console.log('\nThe final workbook as .xlsx (exceljs), and memory');
  console.log(
    table(
      [
        'scale',
        'rows',
        'cells',
        'create+write',
        'save',
        'size',
        'open (load)',
        'read all',
        'peak RSS jobs / all',
        'peak heapUsed jobs / workbook',
      ],
      results.map((r) => {
        const w = r.workbook;
        const m = r.memory;
        return [
          `${r.scale}×`,
          String(w.rows),
          String(w.cells),
          `${fmtMs(w.createMs + w.writeMs)} ms`,
          `${fmtMs(w.saveMs)} ms`,
          mb(w.bytes),
          `${fmtMs(w.openMs)} ms`,
          `${fmtMs(w.readMs)} ms`,
          `${mb(m.maxRssJobsBytes)} / ${mb(m.maxRssBytes)}`,
          `${mb(m.heapUsedJobsBytes)} / ${mb(m.heapUsedWorkbookBytes)}`,
        ];
      }),
    ),
  );
  console.log(
    "peak RSS: the kernel high-water mark of the scale's own process (jobs: before the workbook " +
      'was built; all: at the end). heapUsed: highest sample taken after each job run / workbook step.',
  );
}

function printGas(gas: ReadonlyMap<number, GasCallCounts | null>): void {
  const measured = [...gas].filter((e): e is [number, GasCallCounts] => e[1] !== null);
  console.log('\nApps Script service calls per job');
  if (measured.length === 0) {
    console.log('not measured: the sandbox counts plug in at gasCallCounts() in bench/gas.ts');
    return;
  }
  const jobs = [...new Set(measured.flatMap(([, counts]) => counts.map((c) => c.job)))];
  console.log(
    table(
      ['job', ...measured.map(([scale]) => `${scale}×  calls (per item)`)],
      jobs.map((job) => [
        job,
        ...measured.map(([, counts]) => {
          const c = counts.find((x) => x.job === job);
          if (!c) return '—';
          return c.items ? `${c.calls} (${(c.calls / c.items).toFixed(2)})` : String(c.calls);
        }),
      ]),
    ),
  );
}

function printInbox(inbox: InboxFigures): void {
  console.log(
    '\nOne activity report through the inbox fold (built bundle, sandbox, REALISTIC_COSTS)',
  );
  console.log(
    table(
      ['scale', 'calls', 'cells read', 'call time', 'Node time'],
      Object.entries(inbox.perResponse).map(([scale, c]) => [
        scale,
        String(c.totalCalls),
        String(c.cells),
        sec(c.simulatedMs),
        sec(c.wallMs),
      ]),
    ),
  );
  const b = inbox.burst;
  console.log(
    `burst: ${b.responses} reports within 10 min → ${b.landed} rows (${b.distinct} distinct); ` +
      `submission to row p50 ${sec(b.p50Ms)}, p99 ${sec(b.p99Ms)}, max ${sec(b.maxMs)}; ` +
      `${b.runs} runs, ${b.busy} found the lock busy and returned`,
  );
  console.log(
    `\n${HEAVY_DAY_REPORTS} reports a day, tables at ${inbox.heavyDays.scale}× (every trigger as scheduled)`,
  );
  console.log(
    table(
      [
        'day',
        'rows',
        'p50',
        'p99',
        'max',
        'busy',
        'failed',
        'daily run',
        'jobs done',
        'trigger min',
      ],
      inbox.heavyDays.days.map((d) => [
        d.day,
        `${d.landed}/${d.responses}`,
        String(d.duplicated),
        sec(d.p50Ms),
        sec(d.p99Ms),
        sec(d.maxMs),
        String(d.busy),
        String(d.failed),
        sec(d.dailyRunMs),
        d.jobsDue.length === 0
          ? '—'
          : `${d.jobsDoneOnTheDay.join(', ') || 'none'} of ${d.jobsDue.join(', ')}`,
        (d.triggerMs / 60_000).toFixed(1),
      ]),
    ),
  );
  const d = inbox.triggerMinutesPerDayAt100;
  console.log(
    `trigger time a day at 100×: ${d.reports} folds × ${sec(d.foldMs)} + ${d.sweeps} sweeps × ` +
      `${sec(d.sweepMs)} = ${d.minutes.toFixed(1)} min`,
  );
}

// ———————————————————————————————————————————————————————————————————— targets (DESIGN §10)

interface Target {
  readonly target: string;
  readonly status: 'MET' | 'MISSED' | 'NOT MEASURED';
  readonly detail: string;
}

function checkTargets(
  results: readonly ScaleResult[],
  demo: { measured: DemoMeasurement; wallMs: number },
  gas: ReadonlyMap<number, GasCallCounts | null>,
  inbox: InboxFigures,
): Target[] {
  const targets: Target[] = [];
  const met = (ok: boolean) => (ok ? 'MET' : 'MISSED');

  const costs = Object.entries(inbox.perResponse);
  const flat = (pick: (c: (typeof costs)[number][1]) => number) =>
    new Set(costs.map(([, c]) => pick(c))).size === 1;
  targets.push({
    target: "a response's calls and cells the same at every scale",
    status:
      costs.length < 2 ? 'NOT MEASURED' : met(flat((c) => c.totalCalls) && flat((c) => c.cells)),
    detail: costs.map(([s, c]) => `${s}: ${c.totalCalls} calls, ${c.cells} cells`).join('; '),
  });
  const b = inbox.burst;
  targets.push({
    target: 'burst of 500 in 10 min: each in its table within 15 min, 0 lost, 0 twice',
    status: met(b.landed === b.responses && b.distinct === b.responses && b.maxMs <= 15 * 60_000),
    detail: `${b.landed}/${b.responses} rows, ${b.distinct} distinct, max latency ${sec(b.maxMs)}`,
  });
  const days = inbox.heavyDays.days;
  targets.push({
    target: `${HEAVY_DAY_REPORTS} a day for ${days.length} days (showcase day, month end): each within 15 min, 0 lost, daily runs < 6 min, jobs on their day`,
    status: met(
      days.every(
        (d) =>
          d.landed === d.responses &&
          d.duplicated === 0 &&
          d.failed === 0 &&
          d.maxMs <= 15 * 60_000 &&
          d.dailyRunMs < 6 * 60_000 &&
          d.jobsDoneOnTheDay.length === d.jobsDue.length,
      ),
    ),
    detail:
      days
        .map(
          (d) =>
            `${d.day}: ${d.landed}/${d.responses}, max ${sec(d.maxMs)}, daily ${sec(d.dailyRunMs)}` +
            (d.jobsDue.length ? `, ${d.jobsDoneOnTheDay.length}/${d.jobsDue.length} jobs` : ''),
        )
        .join('; ') + ` (tables at ${inbox.heavyDays.scale}×)`,
  });
  const d = inbox.triggerMinutesPerDayAt100;
  targets.push({
    target: 'trigger minutes a day at 100× ≤ 10',
    status: met(d.minutes <= 10),
    detail: `${d.minutes.toFixed(1)} min (${d.reports} reports, ${d.sweeps} sweeps)`,
  });

  targets.push({
    target: 'local demo year end to end < 10 s',
    status: met(demo.wallMs < 10_000),
    detail:
      `${sec(demo.wallMs)} for the whole process (runDemo itself ${sec(demo.measured.runDemoMs)}; ` +
      `${demo.measured.letters} letters, ${mb(demo.measured.workbookBytes)} workbook)`,
  });

  const at100 = results.find((r) => r.scale === 100);
  if (!at100) {
    targets.push({
      target: "a month's finalisation at 100× < 1 s compute",
      status: 'NOT MEASURED',
      detail: '100× was not run',
    });
    targets.push({
      target: 'local compute ≤ ½ (workbook load + save) at 100×',
      status: 'NOT MEASURED',
      detail: '100× was not run',
    });
  } else {
    const finals = at100.jobs.filter((j) => j.kind === 'finalise');
    const worst = finals.reduce((a, b) => (b.stats.medianMs > a.stats.medianMs ? b : a));
    const over = finals.filter((j) => j.stats.medianMs >= 1000).length;
    targets.push({
      target: "a month's finalisation at 100× < 1 s compute",
      status: met(worst.stats.medianMs < 1000),
      detail:
        `slowest ${worst.job}: ${sec(worst.stats.medianMs)} (${worst.rowsIn} activities, ` +
        `${worst.rowsOut} branches); ${over} of ${finals.length} months at 1 s or more`,
    });
    const io = at100.workbook.openMs + at100.workbook.saveMs;
    const ratios = KINDS.flatMap(({ kind }) => {
      const job = shown(at100, kind);
      return job ? [{ job, ratio: job.stats.medianMs / io }] : [];
    }).sort((a, b) => b.ratio - a.ratio);
    const bad = ratios.filter((r) => r.ratio > 0.5);
    targets.push({
      target: 'local compute ≤ ½ (workbook load + save) at 100×',
      status: met(bad.length === 0),
      detail:
        `load ${sec(at100.workbook.openMs)} + save ${sec(at100.workbook.saveMs)} = ${sec(io)}; ` +
        `worst ${ratios[0]!.job.job} ${sec(ratios[0]!.job.stats.medianMs)} = ${ratios[0]!.ratio.toFixed(2)}×` +
        (bad.length > 1
          ? `; over ½: ${bad.map((r) => `${r.job.kind} ${r.ratio.toFixed(2)}`).join(', ')}`
          : ''),
    });
  }

  const measured = [...gas].filter((e): e is [number, GasCallCounts] => e[1] !== null);
  const gasTargets = [
    "every job's service calls the same at every scale",
    'form ingest ≤ 9 calls per response, reading it included (was 8 + 34 reads)',
    'letters ≤ 4 calls each',
  ];
  if (measured.length === 0) {
    for (const target of gasTargets) {
      targets.push({ target, status: 'NOT MEASURED', detail: 'Apps Script counts: bench/gas.ts' });
    }
    return targets;
  }
  const all = measured.flatMap(([scale, counts]) => counts.map((c) => ({ scale, ...c })));
  const perItem = (c: (typeof all)[number]) => (c.items ? c.calls / c.items : c.calls);
  const varying = [...new Set(all.map((c) => c.job))].filter((job) => {
    const values = new Set(
      all.filter((c) => c.job === job).map((c) => (c.target === 'job' ? c.calls : perItem(c))),
    );
    return values.size > 1;
  });
  targets.push({
    target: gasTargets[0]!,
    status: measured.length < 2 ? 'NOT MEASURED' : met(varying.length === 0),
    detail:
      measured.length < 2
        ? 'needs two scales'
        : varying.length === 0
          ? `${new Set(all.map((c) => c.job)).size} jobs at ${measured.map(([s]) => `${s}×`).join(', ')}`
          : `varies: ${varying.join(', ')}`,
  });
  for (const [kind, limit, target] of [
    ['ingest', 9, gasTargets[1]!],
    ['letters', 4, gasTargets[2]!],
  ] as const) {
    const list = all.filter((c) => c.target === kind && c.items);
    if (list.length === 0) {
      targets.push({ target, status: 'NOT MEASURED', detail: `no ${kind} counts` });
      continue;
    }
    const worst = list.reduce((a, b) => (perItem(b) > perItem(a) ? b : a));
    targets.push({
      target,
      status: met(perItem(worst) <= limit),
      detail: `worst ${worst.job} at ${worst.scale}×: ${perItem(worst).toFixed(2)} calls each`,
    });
  }
  return targets;
}

// ———————————————————————————————————————————————————————————————————— CPU profiles

/**
 * The hottest functions of each profile, by self time and by total time, with the source file
 * each comes from: the bundle is not minified, so esbuild's `// src/…` comment above each
 * module names the file of the lines that follow.
 */
function summariseProfiles(dir: string): void {
  const bundle = readFileSync(process.argv[1]!, 'utf8').split('\n');
  const fileAt: string[] = [];
  let current = '(bench runtime)';
  bundle.forEach((line, i) => {
    const m = /^\/\/ ((?:src|bench|node_modules)\/\S+)$/.exec(line);
    if (m) current = m[1]!;
    fileAt[i] = current;
  });
  interface Node {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    hitCount?: number;
    children?: number[];
  }
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .sort()) {
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
      nodes: Node[];
      startTime: number;
      endTime: number;
      samples: number[];
    };
    const msPerSample = (profile.endTime - profile.startTime) / 1000 / profile.samples.length;
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const where = (n: Node) => {
      const f = n.callFrame;
      const source = f.url.endsWith(process.argv[1]!.split('/').pop()!)
        ? (fileAt[f.lineNumber] ?? '?')
        : f.url.replace(/^.*node_modules\//, 'node_modules/') || '(native)';
      return `${f.functionName || '(anonymous)'}  ${source}`;
    };
    const self = new Map<string, number>();
    const total = new Map<string, number>();
    const walk = (n: Node, active: Map<string, number>): number => {
      const key = where(n);
      let sum = n.hitCount ?? 0;
      self.set(key, (self.get(key) ?? 0) + sum);
      active.set(key, (active.get(key) ?? 0) + 1);
      for (const c of n.children ?? []) sum += walk(byId.get(c)!, active);
      active.set(key, active.get(key)! - 1);
      if (active.get(key) === 0) total.set(key, (total.get(key) ?? 0) + sum);
      return sum;
    };
    walk(profile.nodes[0]!, new Map());
    const top = (m: Map<string, number>, n: number) =>
      [...m]
        .filter(([k]) => !/^\((root|program|idle|garbage collector)\)/.test(k))
        .sort((a, b) => b[1] - a[1])
        .slice(0, n)
        .map(([k, hits]) => [sec(hits * msPerSample), k]);
    console.log(`\nCPU profile ${file}: ${sec(profile.samples.length * msPerSample)} sampled`);
    console.log(table(['self', 'function  file'], top(self, 20), ['right', 'left']));
    const gcHits = self.get('(garbage collector)  (native)') ?? 0;
    console.log(`(garbage collector: ${sec(gcHits * msPerSample)})`);
    console.log(
      table(
        ['total', 'function  file'],
        top(total, 40).filter(([, k]) => /src\//.test(k!)),
        ['right', 'left'],
      ),
    );
  }
}

// ———————————————————————————————————————————————————————————————————— main

async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes('--result')) {
    await childMain(argv);
    return 0;
  }
  const options = parseArgs(argv);
  if (options.cpuProfDir) mkdirSync(options.cpuProfDir, { recursive: true });
  const started = performance.now();
  console.log(
    `StarBranch bench: scales ${options.scales.map((s) => `${s}×`).join(', ')}` +
      `${options.quick ? ' (quick)' : ''} on ${os.cpus().length}× ${os.cpus()[0]?.model ?? 'cpu'}, node ${process.version}`,
  );

  const demo = child<DemoMeasurement>(options, 'demo', ['--demo']);
  console.log(`demo year: ${sec(demo.wallMs)} (runDemo ${sec(demo.result.runDemoMs)})`);

  const results: ScaleResult[] = [];
  for (const scale of options.scales) {
    const repeats = options.quick ? QUICK_REPEATS : (REPEATS[scale] ?? 1);
    const budget = BUDGET_MS[scale] ?? 5_000;
    const { result } = child<ScaleResult>(options, `scale-${scale}`, [
      '--scale',
      String(scale),
      '--repeats',
      String(repeats),
      '--budget',
      String(budget),
      ...(options.rebuild ? ['--rebuild'] : []),
    ]);
    results.push(result);
  }

  const gas = new Map<number, GasCallCounts | null>();
  for (const scale of options.scales) gas.set(scale, await gasCallCounts(scale));

  printJobs(results);
  printWorkbook(results);
  console.log(
    `\nDemo year (npm start's work, letters as .docx, to a temp folder): ${sec(demo.wallMs)} ` +
      `whole process, runDemo ${sec(demo.result.runDemoMs)}`,
  );
  printGas(gas);
  const inbox = inboxFigures(options.scales);
  printInbox(inbox);
  const targets = checkTargets(results, { measured: demo.result, wallMs: demo.wallMs }, gas, inbox);
  console.log('\nTargets (DESIGN §10)');
  console.log(
    table(
      ['target', 'status', 'numbers'],
      targets.map((t) => [t.target, t.status, t.detail]),
      ['left', 'left', 'left'],
    ),
  );

  if (options.cpuProfDir) summariseProfiles(options.cpuProfDir);

  const cpus = os.cpus();
  const report = {
    generatedAt: new Date().toISOString(),
    machine: {
      os: `${os.type()} ${os.release()} (${os.platform()} ${os.arch()})`,
      cpuModel: cpus[0]?.model ?? null,
      cpuCount: cpus.length,
      totalMemoryBytes: os.totalmem(),
      node: process.version,
    },
    options: {
      scales: options.scales,
      quick: options.quick,
      repeats: Object.fromEntries(
        options.scales.map((s) => [s, options.quick ? QUICK_REPEATS : (REPEATS[s] ?? 1)]),
      ),
      budgetMs: Object.fromEntries(options.scales.map((s) => [s, BUDGET_MS[s] ?? 5_000])),
      childNodeFlags: NODE_FLAGS,
    },
    notes: [
      'compute: performance.now() around each use case over an in-memory TableStore; each run from a copy of the same pre-job state',
      'monthly jobs run once per month; the printed table shows the slowest month',
      'workbook: XlsxStore.create + write of every table, save to a temp file (saveMs), XlsxStore.open (openMs), read of every table (readMs)',
      'memory: maxRss* = process.resourceUsage().maxRSS of the scale process; heapUsed* = highest process.memoryUsage().heapUsed sampled after each run/step',
      'demo.wallMs = spawn to exit of a fresh node process running runDemo to a temp folder',
    ],
    demo: { ...demo.result, wallMs: demo.wallMs },
    scales: results,
    gas: Object.fromEntries(gas),
    inbox,
    targets,
    totalMs: performance.now() - started,
  };
  mkdirSync(dirname(options.out), { recursive: true });
  writeFileSync(options.out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nwrote ${options.out} (bench took ${sec(report.totalMs)})`);
  return options.strict && targets.some((t) => t.status === 'MISSED') ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  },
);
