/**
 * What a failed Google API call means for the run: try again (429, 5xx, a 403 that is a rate
 * limit, a dropped connection), stop for the day (the daily quota), or stop and tell the person
 * what to do (no permission, an API not enabled, bad credentials). Google answers in two shapes:
 * the newer APIs (Sheets, Docs, Forms) put `status` and `details[].reason` (google.rpc.ErrorInfo)
 * in the error; Drive v3 puts `errors[].reason`. Both are read.
 */

export type FailureKind =
  'retry' | 'dailyQuota' | 'apiDisabled' | 'permission' | 'notFound' | 'unauthenticated' | 'other';

export interface Failure {
  readonly kind: FailureKind;
  /** The HTTP status, or the network error code when no answer came. */
  readonly status: string;
  readonly message: string;
  /** For `apiDisabled`: the API's service name and the console page that enables it. */
  readonly service?: string;
  readonly activationUrl?: string;
}

const RATE_LIMIT_REASONS = new Set([
  'RATE_LIMIT_EXCEEDED',
  'rateLimitExceeded',
  'userRateLimitExceeded',
  'sharingRateLimitExceeded',
]);
const DAILY_REASONS = new Set(['dailyLimitExceeded', 'quotaExceeded', 'dailyLimitExceededUnreg']);
const DISABLED_REASONS = new Set(['SERVICE_DISABLED', 'accessNotConfigured']);
const RETRIED_NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENOTFOUND',
  'UND_ERR_SOCKET',
]);

interface ErrorBody {
  code?: number;
  message?: string;
  status?: string;
  errors?: { reason?: string; message?: string }[];
  details?: { '@type'?: string; reason?: string; metadata?: Record<string, string> }[];
}

function bodyOf(error: unknown): ErrorBody | null {
  const data = (error as { response?: { data?: unknown } })?.response?.data;
  const parsed = typeof data === 'string' ? safeJson(data) : data;
  const inner = (parsed as { error?: unknown } | null)?.error;
  return inner && typeof inner === 'object' ? (inner as ErrorBody) : null;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function statusOf(error: unknown): number | null {
  const e = error as { status?: unknown; response?: { status?: unknown } };
  const status = e?.response?.status ?? e?.status;
  return typeof status === 'number' ? status : null;
}

/** The first error code down the cause chain (fetch wraps the socket's error twice). */
function networkCode(error: unknown): string | null {
  let e = error as { code?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; e && depth < 5; depth++) {
    if (typeof e.code === 'string' && RETRIED_NETWORK_CODES.has(e.code)) return e.code;
    e = e.cause as typeof e;
  }
  return null;
}

export function classify(error: unknown): Failure {
  const status = statusOf(error);
  const body = bodyOf(error);
  const message =
    body?.message ?? (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
  if (status === null) {
    const code = networkCode(error);
    return { kind: code ? 'retry' : 'other', status: code ?? 'network', message };
  }
  const reasons = new Set<string>([
    ...(body?.errors ?? []).map((e) => e.reason ?? ''),
    ...(body?.details ?? []).map((d) => d.reason ?? ''),
  ]);
  const has = (set: Set<string>) => [...reasons].some((r) => set.has(r));
  const base = { status: String(status), message };
  if (has(DAILY_REASONS)) return { ...base, kind: 'dailyQuota' };
  if (status === 429 || status >= 500) return { ...base, kind: 'retry' };
  if (status === 403 && (has(RATE_LIMIT_REASONS) || body?.status === 'RESOURCE_EXHAUSTED'))
    return { ...base, kind: 'retry' };
  if (status === 403 && has(DISABLED_REASONS)) {
    const info = (body?.details ?? []).find((d) => d.reason === 'SERVICE_DISABLED')?.metadata;
    const service = info?.service ?? /(\w+\.googleapis\.com)/.exec(message)?.[1] ?? 'the API';
    const activationUrl =
      info?.activationUrl ??
      /(https:\/\/console\.[^\s]+)/.exec(message)?.[1] ??
      `https://console.cloud.google.com/apis/library/${service}`;
    return { ...base, kind: 'apiDisabled', service, activationUrl };
  }
  if (status === 401) return { ...base, kind: 'unauthenticated' };
  if (status === 403) return { ...base, kind: 'permission' };
  if (status === 404) return { ...base, kind: 'notFound' };
  return { ...base, kind: 'other' };
}

/** A call that failed for a reason the person must act on; `failure` says which. */
export class GoogleCallError extends Error {
  constructor(
    readonly label: string,
    readonly failure: Failure,
    /** How many times it was tried. */
    readonly attempts = 1,
  ) {
    super(`${label}: ${failure.status} ${failure.message}`);
    this.name = 'GoogleCallError';
  }
}

/** A problem with the credentials themselves: one line for the person, exit code 2. */
export class CredentialsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CredentialsError';
  }
}
