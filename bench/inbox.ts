/**
 * The form-response half of the Apps Script bench (issue #10), through the built bundle in the
 * sandbox (test/gas/inboxScenarios.ts): what one activity report costs beside the tables of each
 * scale, a burst of 500 reports within ten minutes, and the trigger minutes a day at 100×, with the
 * cost model of docs/performance.md (call times from REALISTIC_COSTS; compute twice Node's time).
 */
import { t } from '../src/domain/messages';
import { REALISTIC_COSTS } from '../test/sandbox';
import {
  activityIds,
  burst,
  heavyDays,
  type DayFigures,
  percentile,
  programme,
  responseCost,
  type ResponseCost,
} from '../test/gas/inboxScenarios';

/** Reports a year (~600 × scale) and branches (52 × scale) of the seed's college at a scale. */
const REPORTS_PER_SCALE = 600;
const BRANCHES_PER_SCALE = 52;

export interface InboxFigures {
  readonly perResponse: Record<string, ResponseCost & { readonly totalCalls: number }>;
  readonly burst: {
    readonly responses: number;
    readonly landed: number;
    readonly distinct: number;
    readonly p50Ms: number;
    readonly p99Ms: number;
    readonly maxMs: number;
    readonly runs: number;
    readonly busy: number;
  };
  /** 400 reports a day on a showcase day, a month's last day and the 1st, tables at the largest scale. */
  readonly heavyDays: { readonly scale: number; readonly days: readonly DayFigures[] };
  readonly triggerMinutesPerDayAt100: {
    readonly reports: number;
    readonly foldMs: number;
    readonly sweepMs: number;
    readonly sweeps: number;
    readonly minutes: number;
  };
}

function sweepMs(): number {
  const { gas } = programme({ costs: REALISTIC_COSTS });
  const trigger = gas.world.triggers().find((t) => t.handler === 'sweepInbox')!;
  const run = gas.bundle.fire(trigger);
  return run.execution.endMs! - run.execution.startMs;
}

/** The three heavy days of issue #10 beside the tables of `scale`. */
export const HEAVY_DAYS = ['2026-10-25', '2026-10-31', '2026-11-01'] as const;
export const HEAVY_DAY_REPORTS = 400;

export function inboxFigures(scales: readonly number[]): InboxFigures {
  const perResponse: InboxFigures['perResponse'] = {};
  for (const scale of scales) {
    const cost = responseCost(BRANCHES_PER_SCALE * scale, REPORTS_PER_SCALE * scale);
    perResponse[`${scale}×`] = {
      ...cost,
      totalCalls: Object.values(cost.calls).reduce((a, b) => a + b, 0),
    };
  }

  const { gas, choices } = programme({ costs: REALISTIC_COSTS });
  const { arrivals, runs } = burst(gas, choices, 500, 10 * 60_000);
  const ids = activityIds(gas);
  const latency = arrivals
    .map((a) => (a.landed ?? Number.POSITIVE_INFINITY) - a.at)
    .sort((a, b) => a - b);

  // 100×: ~60,000 reports a year, about 200 on a working day; each a fold of its own (the worst
  // case: in a burst one fold takes several), the sweep every ten minutes, compute at twice Node's.
  const at100 = perResponse['100×'] ?? Object.values(perResponse).at(-1)!;
  const foldMs = at100.simulatedMs + 2 * at100.wallMs;
  const sweep = sweepMs();
  const reports = 200;
  const sweeps = (24 * 60) / 10;
  const largest = Math.max(...scales);
  const heavy = heavyDays({
    days: HEAVY_DAYS,
    perDay: HEAVY_DAY_REPORTS,
    branches: BRANCHES_PER_SCALE * largest,
    activities: REPORTS_PER_SCALE * largest,
  });
  return {
    perResponse,
    heavyDays: { scale: largest, days: heavy.figures },
    burst: {
      responses: arrivals.length,
      landed: ids.length,
      distinct: new Set(ids).size,
      p50Ms: percentile(latency, 50),
      p99Ms: percentile(latency, 99),
      maxMs: latency.at(-1)!,
      runs: runs.length,
      busy: runs.filter((r) => r.ok && r.value === t('zh-CN', 'gas.ingest.busy')).length,
    },
    triggerMinutesPerDayAt100: {
      reports,
      foldMs,
      sweepMs: sweep,
      sweeps,
      minutes: (reports * foldMs + sweeps * sweep) / 60_000,
    },
  };
}
