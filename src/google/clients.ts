/**
 * The generated Google clients (Sheets v4, Drive v3, Docs v1, Forms v1) behind one object, every
 * call made through `call`: retried as `retry.ts` says, and counted. With an API root (from
 * STARBRANCH_GOOGLE_API_ROOT) every client sends its requests there instead of Google's hosts,
 * with the REST paths unchanged (`/v4/spreadsheets/…`, `/drive/v3/files/…`, `/v1/documents/…`,
 * `/v1/forms/…`): a test server, or a college's proxy.
 */
import { docs, type docs_v1 } from '@googleapis/docs';
import { drive, type drive_v3 } from '@googleapis/drive';
import { forms, type forms_v1 } from '@googleapis/forms';
import { sheets, type sheets_v4 } from '@googleapis/sheets';
import type { OAuth2Client } from 'google-auth-library';
import { DEFAULT_RETRY, withRetry, type RetryPolicy } from './retry';

export interface GoogleApi {
  readonly sheets: sheets_v4.Sheets;
  readonly drive: drive_v3.Drive;
  readonly docs: docs_v1.Docs;
  readonly forms: forms_v1.Forms;
  /** The service account's email (or the consenting person): whom to share files with. */
  readonly principal: string;
  /** Runs one API call, retried; resolves to the response body. */
  call<T>(label: string, request: () => Promise<{ data: T }>): Promise<T>;
  /** Calls made, by label (`sheets.values.batchGet`…), retries not counted. */
  readonly calls: Map<string, number>;
}

export interface ApiOptions {
  /** Send every request to this root instead of Google's hosts. */
  readonly apiRoot?: string;
  readonly retry?: Partial<RetryPolicy>;
}

/** The API root from the environment, if any. */
export function apiRootFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const root = env.STARBRANCH_GOOGLE_API_ROOT?.trim();
  return root ? root : undefined;
}

export function googleApi(
  auth: OAuth2Client,
  principal: string,
  options: ApiOptions = {},
): GoogleApi {
  const root = options.apiRoot ? options.apiRoot.replace(/\/*$/, '/') : undefined;
  // The clients' own retry is off: ours retries POSTs too, and logs. Node's own fetch, so
  // gaxios does not load node-fetch.
  const common = {
    auth,
    retry: false,
    fetchImplementation: fetch,
    ...(root ? { rootUrl: root } : {}),
  } as const;
  const policy: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry };
  const calls = new Map<string, number>();
  return {
    sheets: sheets({ version: 'v4', ...common }),
    drive: drive({ version: 'v3', ...common }),
    docs: docs({ version: 'v1', ...common }),
    forms: forms({ version: 'v1', ...common }),
    principal,
    calls,
    async call<T>(label: string, request: () => Promise<{ data: T }>): Promise<T> {
      calls.set(label, (calls.get(label) ?? 0) + 1);
      const response = await withRetry(label, request, policy);
      return response.data;
    },
  };
}
