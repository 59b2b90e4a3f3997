/**
 * The bench's programme-year generator: deterministic, the seed college's proportions at 1×,
 * k-fold branches and activities at k×, unique ids, and answers that the real ingest accepts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingestResponses } from '../../src/app/ingest';
import { Table } from '../../src/app/table';
import { ActivitiesTable, BranchesTable, RejectedTable } from '../../src/domain/schema/tables';
import { branchIdAt, generateYear, VOTERS, type BenchYear } from '../../bench/generate';
import { FixedClock, makePorts, MemoryStore, records } from '../support/fakes';

const one = generateYear(1);
const ten = generateYear(10);

const approved = (year: BenchYear) => year.branches.filter((b) => b.status === 'approved');
const presentersOf = (year: BenchYear) =>
  approved(year)
    .slice(0, 5)
    .map((b) => ({ branch: b.id, name: b.name }));
const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

describe('generateYear', () => {
  it('is deterministic: the same scale gives the same year, votes included', () => {
    const again = generateYear(1);
    const data = (year: BenchYear) =>
      Object.fromEntries(Object.entries(year).filter(([key]) => key !== 'votes'));
    expect(data(again)).toEqual(data(one));
    for (const month of one.months) {
      expect(again.votes(month, presentersOf(again))).toEqual(one.votes(month, presentersOf(one)));
    }
  });

  it('draws from the seeded PRNG only: no Math.random, no clock', () => {
    const source = readFileSync(join(__dirname, '..', '..', 'bench', 'generate.ts'), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\/\/.*$/gm, '');
    expect(source).not.toMatch(/Math\.random|\bDate\b|performance\.now|process\./);
  });

  it("has the seed college's proportions at 1×", () => {
    expect(one.branches).toHaveLength(52);
    expect(approved(one)).toHaveLength(50);
    expect(one.branches.filter((b) => b.status === 'rejected')).toHaveLength(2);
    expect(one.applications).toHaveLength(52);
    expect(one.activities.length).toBeGreaterThanOrEqual(550);
    expect(one.activities.length).toBeLessThanOrEqual(650);
    expect(one.judges).toHaveLength(7);
    const conflicted = one.judges.filter((j) => j.ownBranch !== null);
    expect(conflicted).toHaveLength(1);
    expect(approved(one).map((b) => b.id)).toContain(conflicted[0]!.ownBranch);
    expect(one.nominations.length).toBeGreaterThanOrEqual(18);
    expect(one.nominations.length).toBeLessThanOrEqual(22);
    // Every judge scores every approved branch, plus one corrected re-submission.
    expect(one.defense).toHaveLength(7 * 50 + 1);
    expect(one.months).toHaveLength(10);
    for (const month of one.months) {
      const votes = one.votes(month, presentersOf(one));
      expect(new Set(votes.map((v) => v.answers.judge))).toEqual(new Set(VOTERS));
      expect(votes.length === 25 || votes.length === 26).toBe(true);
      expect(votes.every((v) => v.answers.month === month)).toBe(true);
    }
  });

  it('spreads activities over the months, about 1.2 per branch per month', () => {
    const perBranchMonth = one.activities.length / 50 / 10;
    expect(perBranchMonth).toBeGreaterThan(1.1);
    expect(perBranchMonth).toBeLessThan(1.3);
    const months = new Set(one.activities.map((a) => a.submittedAt.slice(0, 7)));
    expect([...months].sort()).toEqual([...one.months]);
  });

  it('has 10× the branches, activities, defense sheets and nominations at 10×, the same judges', () => {
    expect(ten.branches).toHaveLength(520);
    expect(approved(ten)).toHaveLength(500);
    expect(ten.activities.length / one.activities.length).toBeGreaterThan(9.5);
    expect(ten.activities.length / one.activities.length).toBeLessThan(10.5);
    expect(ten.defense).toHaveLength(10 * one.defense.length);
    expect(ten.nominations).toHaveLength(10 * one.nominations.length);
    expect(ten.judges.map((j) => j.name)).toEqual(one.judges.map((j) => j.name));
    expect(ten.votes(ten.months[0]!, presentersOf(ten)).length).toBeLessThanOrEqual(26);
  });

  it('keeps the 1× college as the first group of every scale (ids aside)', () => {
    const strip = (year: BenchYear) =>
      year.branches
        .filter((b) => b.group === 0)
        .map((b) => ({ ...b, id: '' }))
        .sort((a, b) => (a.name < b.name ? -1 : 1));
    expect(strip(ten)).toEqual(strip(one));
  });

  it('gives unique response ids, branch ids and names; ids in order of arrival', () => {
    for (const year of [one, ten]) {
      const votes = year.months.flatMap((m) => year.votes(m, presentersOf(year)));
      const all = [
        ...year.applications,
        ...year.activities,
        ...year.nominations,
        ...year.defense,
        ...votes,
        year.lateActivity,
      ];
      expect(new Set(all.map((r) => r.responseId)).size).toBe(all.length);
      expect(all.every((r) => TIMESTAMP.test(r.submittedAt))).toBe(true);
      expect(new Set(year.branches.map((b) => b.id)).size).toBe(year.branches.length);
      expect(new Set(year.branches.map((b) => b.name)).size).toBe(year.branches.length);
      const byName = new Map(year.branches.map((b) => [b.name, b.id]));
      year.applications.forEach((a, i) => expect(byName.get(a.answers.name!)).toBe(branchIdAt(i)));
      const sorted = [...year.activities].sort((a, b) => (a.submittedAt < b.submittedAt ? -1 : 1));
      expect(year.activities.map((a) => a.submittedAt)).toEqual(sorted.map((a) => a.submittedAt));
    }
  });

  it('writes answers as students type them: dropdown branch text, zh labels, slashed dates', () => {
    const ids = new Map(one.branches.map((b) => [b.id, b.name]));
    for (const a of [...one.activities, ...one.defense, ...one.nominations]) {
      const [, id, name] = /^(B\d{3,}) (.+)$/.exec(a.answers.branch!)!;
      expect(ids.get(id!)).toBe(name);
    }
    expect(one.applications.every((a) => a.answers.tier!.endsWith('党支部'))).toBe(true);
    expect(one.activities.every((a) => /^\d{4}\/\d{1,2}\/\d{1,2}$/.test(a.answers.date!))).toBe(
      true,
    );
    expect(one.activities.every((a) => ['是', '否'].includes(a.answers.counselorPresent!))).toBe(
      true,
    );
  });

  it('is ingested as a college would: every application, every activity but the deliberate mistakes', () => {
    const store = new MemoryStore();
    const clock = new FixedClock('2026-09-12 09:00:00');
    const ports = makePorts(store, clock);
    expect(ingestResponses(ports, one.applications).added).toBe(52);
    const branches = Table.read(store, BranchesTable, 'zh-CN');
    for (const b of branches.records()) {
      const expected = one.branches.find((x) => x.id === b.id)!;
      expect(b.name).toBe(expected.name);
      branches.upsert({ ...b, status: expected.status });
    }
    branches.save(store, 'zh-CN');
    const report = ingestResponses(ports, one.activities);
    expect(report.rejected).toBe(6);
    expect(report.added).toBe(one.activities.length - 6);
    expect(records(store, RejectedTable)).toHaveLength(6);
    const duplicates = records(store, ActivitiesTable).filter((a) => a.status === 'duplicate');
    expect(duplicates.length).toBeGreaterThanOrEqual(1);
  });
});
