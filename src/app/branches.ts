/**
 * Finding the branch a response names. Students may write the id (`B007`), the dropdown text
 * (`B007 计算机学院…`) or the exact name; only approved branches take part in the programme.
 */
import type { Branch } from '../domain/schema/tables';

/** The branch an answer names, when it takes part; else the branch it names, if any. */
export type BranchLookup = { ok: true; branch: Branch } | { ok: false; branch: Branch | undefined };

function normalise(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/**
 * The branches, looked up by id, name and application response: built once per job, so a batch of
 * thousands of responses does not scan the table for each one.
 */
export class BranchIndex {
  private readonly byId = new Map<string, Branch>();
  private readonly byName = new Map<string, Branch>();
  private readonly responses = new Set<string>();
  private highest = 0;

  constructor(branches: readonly Branch[]) {
    branches.forEach((b) => this.add(b));
  }

  add(branch: Branch): void {
    this.byId.set(branch.id.toUpperCase(), branch);
    const name = normalise(branch.name);
    if (!this.byName.has(name)) this.byName.set(name, branch);
    if (branch.responseId) this.responses.add(branch.responseId);
    const n = /^B(\d+)$/.exec(branch.id)?.[1];
    if (n !== undefined) this.highest = Math.max(this.highest, Number(n));
  }

  /** By id (`B007`), dropdown text (`B007 name`: the id wins) or exact name. */
  find(answer: string): Branch | undefined {
    const text = normalise(answer);
    const id = /^(B\d+)(?:\s|$)/i.exec(text)?.[1]?.toUpperCase();
    return (id !== undefined ? this.byId.get(id) : undefined) ?? this.byName.get(text);
  }

  findApproved(answer: string): BranchLookup {
    const branch = this.find(answer);
    return branch?.status === 'approved' ? { ok: true, branch } : { ok: false, branch };
  }

  hasApplication(responseId: string): boolean {
    return this.responses.has(responseId);
  }

  /** The next free id: `B001`, `B002`, … after the highest one in use. */
  nextId(): string {
    return `B${String(this.highest + 1).padStart(3, '0')}`;
  }
}
