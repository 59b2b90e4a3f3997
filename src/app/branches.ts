/**
 * Finding the branch a response names. Students may write the id (`B007`), the dropdown text
 * (`B007 计算机学院…`) or the exact name; only approved branches take part in the programme.
 */
import { quoted } from '../domain/schema/column';
import type { Branch } from '../domain/schema/tables';

export type BranchLookup = { ok: true; branch: Branch } | { ok: false; reason: string };

function normalise(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

export function findBranch(branches: readonly Branch[], answer: string): Branch | undefined {
  const text = normalise(answer);
  const id = /^(B\d+)(?:\s|$)/i.exec(text)?.[1]?.toUpperCase();
  return (
    (id !== undefined ? branches.find((b) => b.id.toUpperCase() === id) : undefined) ??
    branches.find((b) => normalise(b.name) === text)
  );
}

export function findApprovedBranch(branches: readonly Branch[], answer: string): BranchLookup {
  const branch = findBranch(branches, answer);
  if (!branch) {
    return {
      ok: false,
      reason: `${quoted(answer)} is not a registered branch; expected a branch from the list`,
    };
  }
  if (branch.status !== 'approved') {
    const state = branch.status === 'pending' ? 'not yet approved' : 'not approved';
    return { ok: false, reason: `branch ${branch.id} ${branch.name} is ${state}` };
  }
  return { ok: true, branch };
}

/** The next free id: `B001`, `B002`, … after the highest one in use. */
export function nextBranchId(branches: readonly Branch[]): string {
  const highest = branches.reduce((max, b) => {
    const n = /^B(\d+)$/.exec(b.id)?.[1];
    return n === undefined ? max : Math.max(max, Number(n));
  }, 0);
  return `B${String(highest + 1).padStart(3, '0')}`;
}
