/**
 * Every Google call goes through `withRetry`: 429, 5xx, rate-limit 403s and dropped connections
 * are tried again after an exponentially growing, jittered pause (somewhere between half and all
 * of a ceiling that doubles each time), a bounded number of times, and each retry is logged. POSTs too:
 * the clients' own retry leaves them out, and every write here is a POST. Sheets' and Docs'
 * batch updates are atomic, so a retried one is applied once or not at all.
 */
import { classify, CredentialsError, GoogleCallError } from './errors';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  readonly attempts: number;
  readonly baseMs: number;
  readonly maxMs: number;
  readonly sleep: (ms: number) => Promise<void>;
  /** In [0, 1): the jitter. */
  readonly random: () => number;
  readonly onRetry: (event: { label: string; status: string; attempt: number; ms: number }) => void;
}

export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 6,
  baseMs: 1000,
  maxMs: 32_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
  onRetry: () => undefined,
};

/** The pause before retry `attempt` (1-based): random in [ceiling/2, ceiling). */
export function backoffMs(policy: RetryPolicy, attempt: number): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (policy.random() * ceiling) / 2);
}

export async function withRetry<T>(
  label: string,
  call: () => Promise<T>,
  policy: RetryPolicy,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      // Signing in failed: nothing to retry, and the reason is already said.
      if (error instanceof CredentialsError) throw error;
      const failure = classify(error);
      if (failure.kind !== 'retry' || attempt >= policy.attempts) {
        throw new GoogleCallError(label, failure, attempt);
      }
      const ms = backoffMs(policy, attempt);
      policy.onRetry({ label, status: failure.status, attempt, ms });
      await policy.sleep(ms);
    }
  }
}
