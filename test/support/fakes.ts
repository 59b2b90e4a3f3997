/**
 * Test doubles for the ports, and helpers that build a small programme in memory through the same
 * use cases a college runs (applications are ingested, then approved by editing `Branches`).
 */
import type { Ports } from '../../src/app/context';
import { ingestResponses } from '../../src/app/ingest';
import { Table } from '../../src/app/table';
import type { FormName, FormResponse } from '../../src/domain/forms';
import type { RecordOf, TableDef } from '../../src/domain/schema/table';
import {
  BranchesTable,
  ConfigTable,
  JudgesTable,
  type Branch,
} from '../../src/domain/schema/tables';
import type { BranchStatus } from '../../src/domain/vocabulary';
import type { Clock, DocumentMaker, MadeDocument, Markers } from '../../src/ports';
import { MemoryStore } from './memoryStore';

export { MemoryStore };

// ——— ports ———

/** A clock that says what it is told; `elapsedMs` advances by `stepMs` on every call. */
export class FixedClock implements Clock {
  private elapsed = 0;
  constructor(
    public current = '2026-09-01 08:00:00',
    readonly stepMs = 10,
  ) {}
  set(localTime: string): void {
    this.current = localTime;
  }
  now(): string {
    return this.current;
  }
  elapsedMs(): number {
    this.elapsed += this.stepMs;
    return this.elapsed;
  }
}

export class MemoryMarkers implements Markers {
  readonly values = new Map<string, string>();
  get(key: string): string | null {
    return this.values.get(key) ?? null;
  }
  set(key: string, value: string): void {
    this.values.set(key, value);
  }
}

export interface MadeRecord {
  readonly id: string;
  readonly link: string;
  readonly name: string;
  readonly fields: Readonly<Record<string, string>>;
  /** Set when the letter was voided: its name then starts with 作废-. */
  voidReason?: string;
}

/**
 * Records every document it makes and names them `doc-1`, `doc-2`, … When `throwOnCall` is N, the
 * N-th call of `make` throws (as a crash or quota error would) and makes nothing.
 */
export class FakeDocuments implements DocumentMaker {
  readonly made: MadeRecord[] = [];
  calls = 0;
  constructor(private readonly throwOnCall?: number) {}
  create(name: string): MadeDocument {
    this.calls++;
    if (this.calls === this.throwOnCall) {
      throw new Error(`document service failed on call ${this.calls}`);
    }
    const id = `doc-${this.made.length + 1}`;
    const link = `https://docs.example.test/${id}`;
    this.made.push({ id, link, name, fields: {} });
    return { id, link };
  }

  fill(document: MadeDocument, fields: Readonly<Record<string, string>>): void {
    const made = this.made.find((m) => m.id === document.id);
    if (!made) throw new Error(`fill: no document ${document.id}`);
    (made as { fields: Record<string, string> }).fields = { ...fields };
  }

  void(document: MadeDocument, reason: string): MadeDocument {
    const made = this.made.find((m) => m.id === document.id);
    if (!made) throw new Error(`void: no document ${document.id}`);
    (made as { name: string }).name = `作废-${made.name}`;
    made.voidReason = reason;
    return document;
  }

  /** The letters not voided. */
  live(): MadeRecord[] {
    return this.made.filter((m) => m.voidReason === undefined);
  }
}

export interface TestPorts extends Ports {
  readonly store: MemoryStore;
  readonly clock: FixedClock;
}

export function makePorts(
  store = new MemoryStore(),
  clock = new FixedClock(),
  extra: Partial<Pick<Ports, 'documents' | 'markers' | 'progress'>> = {},
): TestPorts {
  return { store, clock, ...extra };
}

// ——— tables ———

/** The parsed records of a table (counts one read). */
export function records<D extends TableDef>(store: MemoryStore, def: D): RecordOf<D>[] {
  return Table.read(store, def, 'zh-CN').records();
}

/** Upserts records into a table as staff would type them (counts one read and one write). */
export function upsertRows<D extends TableDef>(
  store: MemoryStore,
  def: D,
  rows: readonly RecordOf<D>[],
): void {
  const table = Table.read(store, def, 'zh-CN');
  for (const row of rows) table.upsert(row);
  table.save(store, 'zh-CN', true);
}

/**
 * Changes one record found by key, as staff editing cells would: either the changed fields, or a
 * function of the record (counts one read and one write).
 */
export function editRow<D extends TableDef>(
  store: MemoryStore,
  def: D,
  key: string,
  change: Partial<RecordOf<D>> | ((record: RecordOf<D>) => RecordOf<D>),
): void {
  const table = Table.read(store, def, 'zh-CN');
  const record = table.get(key);
  if (!record) throw new Error(`${def.name}: no row ${key}`);
  table.upsert(typeof change === 'function' ? change(record) : { ...record, ...change });
  table.save(store, 'zh-CN');
}

/** Writes the `Config` sheet with these settings (the rest take their defaults). */
export function setConfig(store: MemoryStore, settings: Readonly<Record<string, string>>): void {
  upsertRows(
    store,
    ConfigTable,
    Object.entries(settings).map(([key, value]) => ({
      group: null,
      label: null,
      value,
      note: null,
      key,
    })),
  );
}

export function setJudges(
  store: MemoryStore,
  judges: readonly { name: string; ownBranch?: string }[],
): void {
  upsertRows(
    store,
    JudgesTable,
    judges.map((j) => ({ name: j.name, email: null, ownBranch: j.ownBranch ?? null, note: null })),
  );
}

// ——— responses ———

export function response(
  form: FormName,
  responseId: string,
  submittedAt: string,
  answers: Readonly<Record<string, string>>,
  email: string | null = null,
): FormResponse {
  return { form, responseId, submittedAt, email, answers: { ...answers } };
}

export function applicationAnswers(
  name: string,
  overrides: Readonly<Record<string, string>> = {},
): Record<string, string> {
  return {
    name,
    tier: '低年级本科生党支部',
    unit: '计算机学院',
    secretary: '张三',
    email: 'secretary@example.edu.cn',
    members: '20',
    plan: '以党建促学风',
    planLink: '',
    ...overrides,
  };
}

/** A theme activity (读一本好书) with 30 participants, 25 non-party, evidence: 10 + 2 = 12 points. */
export function activityAnswers(
  branch: string,
  overrides: Readonly<Record<string, string>> = {},
): Record<string, string> {
  return {
    branch,
    date: '2026-10-10',
    kind: '读一本好书',
    title: '《红岩》读书会',
    description: '共读红色经典',
    participants: '30',
    nonParty: '25',
    counselorPresent: '是',
    evidenceLink: 'https://example.edu.cn/evidence/1',
    funds: '',
    ...overrides,
  };
}

export function voteAnswers(
  month: string,
  judge: string,
  branch: string,
  score: string,
): Record<string, string> {
  return { month, judge, branch, score };
}

/** Marks for the default rubric c1..c5 (maxima 40, 25, 15, 10, 10). */
export function defenseAnswers(
  judge: string,
  branch: string,
  marks: readonly [number, number, number, number, number],
  comment = '',
): Record<string, string> {
  const [c1, c2, c3, c4, c5] = marks.map(String);
  return { judge, branch, c1: c1!, c2: c2!, c3: c3!, c4: c4!, c5: c5!, comment };
}

export function nominationAnswers(
  branch: string,
  name: string,
  studentId: string,
): Record<string, string> {
  return {
    branch,
    name,
    studentId,
    email: `${studentId}@example.edu.cn`,
    achievements: '学习成绩优异，积极参与志愿服务',
  };
}

// ——— a small programme ———

export interface SeedOptions {
  /** How many branches apply (B001 … Bnnn). */
  readonly branches: number;
  /** Which are approved: the first n, or these ids. Default: all of them. */
  readonly approved?: number | readonly string[];
  /** Ids staff rejected (the others not approved stay pending). */
  readonly rejected?: readonly string[];
  /** Tier of the i-th branch (0-based); default cycles junior, senior, graduate. */
  readonly tier?: (index: number) => Branch['tier'];
}

const TIER_LABELS: Record<Branch['tier'], string> = {
  junior: '低年级本科生党支部',
  senior: '高年级本科生党支部',
  graduate: '研究生党支部',
};
const TIER_CYCLE: Branch['tier'][] = ['junior', 'senior', 'graduate'];

export function branchName(index: number): string {
  return `计算机学院第${index + 1}党支部`;
}

/**
 * Ingests `branches` applications through `ingestResponses` (they become B001, B002, … pending),
 * then approves (or rejects) them by editing the `Branches` sheet, as staff do.
 */
export function seedProgramme(
  store: MemoryStore,
  clock: FixedClock,
  options: SeedOptions,
): { ports: TestPorts; branches: Branch[] } {
  const ports = makePorts(store, clock);
  const tierOf = options.tier ?? ((i: number) => TIER_CYCLE[i % 3]!);
  const responses = Array.from({ length: options.branches }, (_, i) =>
    response(
      'application',
      `app-${i + 1}`,
      `2026-09-0${1 + (i % 9)} 09:00:00`,
      applicationAnswers(branchName(i), { tier: TIER_LABELS[tierOf(i)] }),
    ),
  );
  const report = ingestResponses(ports, responses);
  if (report.added !== options.branches) {
    throw new Error(`seedProgramme: ${report.summary.join('; ')}`);
  }
  const approved = options.approved ?? options.branches;
  const rejected = new Set(options.rejected ?? []);
  const table = Table.read(store, BranchesTable, 'zh-CN');
  table.records().forEach((branch, i) => {
    const isApproved = typeof approved === 'number' ? i < approved : approved.includes(branch.id);
    const status: BranchStatus = isApproved
      ? 'approved'
      : rejected.has(branch.id)
        ? 'rejected'
        : 'pending';
    table.upsert({ ...branch, status, reviewNote: isApproved ? '同意' : null });
  });
  table.save(store, 'zh-CN');
  return { ports, branches: table.records() };
}
