/**
 * A local HTTP server that plays the Google endpoints server mode calls, over the sandbox's
 * world (the same in-memory spreadsheets, Drive files and Docs the Apps Script tests use):
 *
 *   POST /token                                   OAuth 2.0 token endpoint (JWT bearer, code, refresh)
 *   GET  /v4/spreadsheets/{id}                    spreadsheets.get
 *   GET  /v4/spreadsheets/{id}/values:batchGet    spreadsheets.values.batchGet
 *   POST /v4/spreadsheets/{id}/values:batchUpdate spreadsheets.values.batchUpdate
 *   POST /v4/spreadsheets/{id}:batchUpdate        spreadsheets.batchUpdate
 *   GET  /drive/v3/files                          files.list (appProperties queries)
 *   GET  /drive/v3/files/{id}                     files.get (metadata, `fields` honoured)
 *   PATCH /drive/v3/files/{id}                    files.update (metadata only)
 *   POST /drive/v3/files/{id}/copy                files.copy
 *   GET  /drive/v3/files/{id}/permissions         permissions.list
 *   POST /drive/v3/files/{id}/permissions         permissions.create
 *   DELETE /drive/v3/files/{id}/permissions/{pid} permissions.delete (204, no body)
 *   POST /v1/documents/{id}:batchUpdate           documents.batchUpdate
 *   GET  /v1/forms/{id}                           forms.get (items: titles and question ids)
 *   GET  /v1/forms/{id}/responses                 forms.responses.list (paged)
 *
 * It records every request (method, path, bytes), refuses bodies that break the documented
 * shapes (`shapes.ts`), answers only tokens it issued, lets a spreadsheet be shared with some
 * principals only, can switch an API off, and injects Google's documented errors (429
 * RATE_LIMIT_EXCEEDED, 403 rate limit and PERMISSION_DENIED, 500) on a seeded schedule or on
 * demand. Injected errors are answered before the request is applied, as a rate limit is.
 */
import { createPublicKey, createVerify } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createRng, type Rng } from '../../src/domain/prng';
import type { World } from '../sandbox';
import {
  DOCS_BATCH_UPDATE,
  DRIVE_FILE,
  DRIVE_FILE_UPDATE,
  DRIVE_PERMISSION,
  SPREADSHEET_BATCH_UPDATE,
  VALUES_BATCH_UPDATE,
  violation,
  type Shape,
} from './shapes';

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  /** `sheets.values.batchGet`, `drive.files.copy`… (`oauth.token` for the token endpoint). */
  readonly label: string;
  readonly status: number;
  readonly bytesIn: number;
  readonly bytesOut: number;
}

export type FaultKind = '429' | '403-rate' | '403-permission' | '500' | '403-daily';

export interface FakeGoogleOptions {
  /** Added before every answer (a stated per-request latency for the bench). */
  readonly latencyMs?: number;
  /** A seeded schedule of injected errors: each API request fails with this probability. */
  readonly faults?: { readonly seed: string; readonly rate: number; readonly kinds: FaultKind[] };
  /** Drive copies allowed a day; past it, files.copy answers 403 dailyLimitExceeded. */
  readonly dailyDocumentQuota?: number;
}

interface Principal {
  readonly email: string;
}

type Answer = { status: number; body: unknown };

class HttpError extends Error {
  constructor(readonly answer: Answer) {
    super(`HTTP ${answer.status}`);
  }
}

const STATUS_NAMES: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
};

const SERVICE_OF: Record<string, string> = {
  sheets: 'sheets.googleapis.com',
  drive: 'drive.googleapis.com',
  docs: 'docs.googleapis.com',
  forms: 'forms.googleapis.com',
};

/** The newer APIs' error (Sheets, Docs, Forms): code, message, status, details. */
function rpcError(code: number, message: string, details?: unknown[]): Answer {
  return {
    status: code,
    body: {
      error: {
        code,
        message,
        status: STATUS_NAMES[code] ?? 'UNKNOWN',
        ...(details ? { details } : {}),
      },
    },
  };
}

/** Drive v3's error: code, message, errors[{domain, reason, message}]. */
function driveError(code: number, reason: string, message: string, domain = 'global'): Answer {
  return {
    status: code,
    body: { error: { code, message, errors: [{ domain, reason, message }] } },
  };
}

function badRequest(api: string, field: string, description: string): Answer {
  if (api === 'drive') return driveError(400, 'badRequest', description);
  return rpcError(400, description, [
    {
      '@type': 'type.googleapis.com/google.rpc.BadRequest',
      fieldViolations: [{ field, description }],
    },
  ]);
}

function faultAnswer(kind: FaultKind, api: string): Answer {
  const service = SERVICE_OF[api] ?? 'googleapis.com';
  switch (kind) {
    case '429':
      return rpcError(
        429,
        `Quota exceeded for quota metric 'Write requests' and limit 'Write requests per minute per user' of service '${service}' for consumer 'project_number:1001'.`,
        [
          {
            '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
            reason: 'RATE_LIMIT_EXCEEDED',
            domain: 'googleapis.com',
            metadata: {
              service,
              consumer: 'projects/1001',
              quota_metric: `${service}/write_requests`,
              quota_limit: 'WriteRequestsPerMinutePerUser',
              quota_limit_value: '60',
              quota_location: 'global',
            },
          },
        ],
      );
    case '403-rate':
      return driveError(
        403,
        'userRateLimitExceeded',
        'User Rate Limit Exceeded. Rate of requests for user exceed configured project quota.',
        'usageLimits',
      );
    case '403-daily':
      return driveError(403, 'dailyLimitExceeded', 'Daily Limit Exceeded.', 'usageLimits');
    case '403-permission':
      return rpcError(403, 'The caller does not have permission');
    case '500':
      return rpcError(500, 'Internal error encountered.');
  }
}

function disabledAnswer(api: string): Answer {
  const service = SERVICE_OF[api]!;
  const url = `https://console.developers.google.com/apis/api/${service}/overview?project=1001`;
  return rpcError(
    403,
    `${service} has not been used in project 1001 before or it is disabled. Enable it by visiting ${url} then retry.`,
    [
      {
        '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
        reason: 'SERVICE_DISABLED',
        domain: 'googleapis.com',
        metadata: { service, consumer: 'projects/1001', activationUrl: url },
      },
    ],
  );
}

/** A sandbox GoogleJsonResponseException, as the REST API answers it. */
function fromSandbox(error: unknown, api: string): Answer {
  const details = (error as { details?: { code?: number; message?: string } }).details;
  if (!details?.code) {
    // Something the sandbox does not implement: loud, so the test shows it.
    return rpcError(501, error instanceof Error ? error.message : String(error));
  }
  const message = details.message ?? '';
  if (api === 'drive') {
    const reason =
      details.code === 404 ? 'notFound' : details.code === 403 ? 'forbidden' : 'badRequest';
    return driveError(details.code, reason, message);
  }
  return rpcError(details.code, message);
}

export class FakeGoogle {
  readonly requests: RecordedRequest[] = [];
  /** Spreadsheets and who may open them; a spreadsheet not listed is open to every token. */
  readonly sharing = new Map<string, Set<string>>();
  readonly disabledApis = new Set<string>();
  /** Service account keys the token endpoint knows, by email: their public keys. */
  readonly keys = new Map<string, string>();
  /** appProperties of Drive files (the sandbox's Drive does not keep them). */
  readonly appProperties = new Map<string, Record<string, string>>();
  private readonly tokens = new Map<string, Principal>();
  private readonly queued: { label: string | RegExp; kind: FaultKind; times: number }[] = [];
  private readonly rng: Rng | null;
  private copiesToday = 0;
  private server: Server | null = null;
  url = '';
  /** Added before every answer; may be changed between requests. */
  latencyMs: number;

  constructor(
    readonly world: World,
    private readonly options: FakeGoogleOptions = {},
  ) {
    this.rng = options.faults ? createRng(options.faults.seed) : null;
    this.latencyMs = options.latencyMs ?? 0;
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as { port: number };
    this.url = `http://127.0.0.1:${port}/`;
    return this.url;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The next `times` requests whose label matches fail with `kind`. */
  failNext(label: string | RegExp, kind: FaultKind, times = 1): void {
    this.queued.push({ label, kind, times });
  }

  /** Only these principals may open the spreadsheet. */
  shareOnly(spreadsheetId: string, ...emails: string[]): void {
    this.sharing.set(spreadsheetId, new Set(emails));
  }

  /** API requests (not token requests), by label. */
  counts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const r of this.requests)
      if (r.label !== 'oauth.token') out[r.label] = (out[r.label] ?? 0) + 1;
    return out;
  }

  reset(): void {
    this.requests.length = 0;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://fake');
    const method = req.method ?? 'GET';
    const route = this.route(method, url.pathname);
    let answer: Answer;
    try {
      answer = route
        ? this.answer(route, method, url, raw, req)
        : rpcError(404, `No route ${method} ${url.pathname}`);
    } catch (error) {
      answer = error instanceof HttpError ? error.answer : rpcError(500, String(error));
    }
    const text = answer.body === undefined ? '' : JSON.stringify(answer.body);
    this.requests.push({
      method,
      path: url.pathname,
      label: route?.label ?? 'unknown',
      status: answer.status,
      bytesIn: Buffer.byteLength(raw) + (req.url?.length ?? 0),
      bytesOut: Buffer.byteLength(text),
    });
    if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs));
    res.writeHead(answer.status, { 'content-type': 'application/json; charset=UTF-8' });
    res.end(text);
  }

  private route(
    method: string,
    path: string,
  ): { label: string; api: string; id: string; sub: string } | null {
    const table: [string, RegExp, string, string][] = [
      ['POST', /^\/token$/, 'oauth.token', 'oauth'],
      ['GET', /^\/v4\/spreadsheets\/([^/:]+)$/, 'sheets.spreadsheets.get', 'sheets'],
      ['GET', /^\/v4\/spreadsheets\/([^/]+)\/values:batchGet$/, 'sheets.values.batchGet', 'sheets'],
      [
        'POST',
        /^\/v4\/spreadsheets\/([^/]+)\/values:batchUpdate$/,
        'sheets.values.batchUpdate',
        'sheets',
      ],
      [
        'POST',
        /^\/v4\/spreadsheets\/([^/]+):batchUpdate$/,
        'sheets.spreadsheets.batchUpdate',
        'sheets',
      ],
      ['GET', /^\/drive\/v3\/files$/, 'drive.files.list', 'drive'],
      ['GET', /^\/drive\/v3\/files\/([^/]+)$/, 'drive.files.get', 'drive'],
      ['PATCH', /^\/drive\/v3\/files\/([^/]+)$/, 'drive.files.update', 'drive'],
      ['POST', /^\/drive\/v3\/files\/([^/]+)\/copy$/, 'drive.files.copy', 'drive'],
      ['GET', /^\/drive\/v3\/files\/([^/]+)\/permissions$/, 'drive.permissions.list', 'drive'],
      ['POST', /^\/drive\/v3\/files\/([^/]+)\/permissions$/, 'drive.permissions.create', 'drive'],
      [
        'DELETE',
        /^\/drive\/v3\/files\/([^/]+)\/permissions\/([^/]+)$/,
        'drive.permissions.delete',
        'drive',
      ],
      ['POST', /^\/v1\/documents\/([^/]+):batchUpdate$/, 'docs.documents.batchUpdate', 'docs'],
      ['GET', /^\/v1\/forms\/([^/]+)$/, 'forms.forms.get', 'forms'],
      ['GET', /^\/v1\/forms\/([^/]+)\/responses$/, 'forms.responses.list', 'forms'],
    ];
    for (const [m, pattern, label, api] of table) {
      const match = m === method ? pattern.exec(path) : null;
      if (match)
        return {
          label,
          api,
          id: decodeURIComponent(match[1] ?? ''),
          sub: decodeURIComponent(match[2] ?? ''),
        };
    }
    return null;
  }

  private answer(
    route: { label: string; api: string; id: string; sub: string },
    method: string,
    url: URL,
    raw: string,
    req: IncomingMessage,
  ): Answer {
    if (route.api === 'oauth') return this.token(raw);
    const principal = this.tokens.get((req.headers.authorization ?? '').replace(/^Bearer /, ''));
    if (!principal) {
      return rpcError(
        401,
        'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
      );
    }
    if (this.disabledApis.has(route.api)) return disabledAnswer(route.api);
    const fault = this.fault(route.label);
    if (fault) return faultAnswer(fault, route.api);
    if (route.api === 'sheets') {
      const allowed = this.sharing.get(route.id);
      if (allowed && !allowed.has(principal.email))
        return rpcError(403, 'The caller does not have permission');
    }
    const hasBody = method === 'POST' || method === 'PATCH';
    if (!hasBody && raw !== '')
      return badRequest(route.api, '', `A ${method} request must have an empty body.`);
    const body = hasBody && raw !== '' ? (JSON.parse(raw) as unknown) : undefined;
    const q = url.searchParams;
    const check = (shape: Shape) => {
      const v = violation(body ?? {}, shape);
      if (v) throw new HttpError(badRequest(route.api, v.field, v.description));
    };
    const sandbox = <T>(fn: () => T): T => {
      try {
        return fn();
      } catch (error) {
        throw new HttpError(fromSandbox(error, route.api));
      }
    };
    const { Sheets, Drive, Docs } = this.world.services;
    const ok = (data: unknown): Answer => ({ status: 200, body: data });
    switch (route.label) {
      case 'sheets.spreadsheets.get':
        return ok(
          sandbox(() =>
            Sheets.Spreadsheets.get(route.id, { fields: q.get('fields') ?? undefined }),
          ),
        );
      case 'sheets.values.batchGet':
        return ok(
          sandbox(() =>
            Sheets.Spreadsheets.Values.batchGet(route.id, {
              ranges: q.getAll('ranges'),
              ...optional(q, 'valueRenderOption', 'dateTimeRenderOption', 'majorDimension'),
            }),
          ),
        );
      case 'sheets.values.batchUpdate':
        check(VALUES_BATCH_UPDATE);
        return ok(sandbox(() => Sheets.Spreadsheets.Values.batchUpdate(body as never, route.id)));
      case 'sheets.spreadsheets.batchUpdate':
        check(SPREADSHEET_BATCH_UPDATE);
        return ok(sandbox(() => Sheets.Spreadsheets.batchUpdate(body as never, route.id)));
      case 'drive.files.copy': {
        check(DRIVE_FILE);
        const quota = this.options.dailyDocumentQuota;
        if (quota !== undefined && this.copiesToday >= quota)
          return faultAnswer('403-daily', 'drive');
        const { appProperties, ...file } = (body ?? {}) as {
          appProperties?: Record<string, string>;
        };
        const copy = sandbox(() =>
          Drive.Files.copy(file as never, route.id, { fields: q.get('fields') ?? undefined }),
        );
        this.copiesToday++;
        if (appProperties && copy.id) this.appProperties.set(copy.id, { ...appProperties });
        return ok(copy);
      }
      case 'drive.files.list':
        return ok(this.listFiles(q));
      case 'drive.files.get':
        return ok(sandbox(() => Drive.Files.get(route.id, driveArgs(q, 'fields'))));
      case 'drive.files.update': {
        check(DRIVE_FILE_UPDATE);
        const { appProperties, ...file } = (body ?? {}) as {
          appProperties?: Record<string, string>;
        };
        const updated = sandbox(() =>
          Drive.Files.update(file as never, route.id, null, driveArgs(q, 'fields')),
        );
        if (appProperties)
          this.appProperties.set(route.id, {
            ...this.appProperties.get(route.id),
            ...appProperties,
          });
        return ok(updated);
      }
      case 'drive.permissions.list':
        return ok(sandbox(() => Drive.Permissions.list(route.id, driveArgs(q, 'fields'))));
      case 'drive.permissions.delete':
        sandbox(() => Drive.Permissions.remove(route.id, route.sub));
        return { status: 204, body: undefined };
      case 'drive.permissions.create':
        check(DRIVE_PERMISSION);
        return ok(
          sandbox(() =>
            Drive.Permissions.create(body as never, route.id, {
              ...(q.has('supportsAllDrives')
                ? { supportsAllDrives: q.get('supportsAllDrives') === 'true' }
                : {}),
            }),
          ),
        );
      case 'docs.documents.batchUpdate':
        check(DOCS_BATCH_UPDATE);
        return ok(sandbox(() => Docs.Documents.batchUpdate(body as never, route.id)));
      case 'forms.forms.get':
        return ok(this.getForm(route.id));
      case 'forms.responses.list':
        return ok(this.listResponses(route.id, q));
    }
    return rpcError(404, `No route ${route.label}`);
  }

  private fault(label: string): FaultKind | null {
    const queued = this.queued.find((f) =>
      typeof f.label === 'string' ? f.label === label : f.label.test(label),
    );
    if (queued) {
      if (--queued.times <= 0) this.queued.splice(this.queued.indexOf(queued), 1);
      return queued.kind;
    }
    const faults = this.options.faults;
    if (faults && this.rng && this.rng.next() < faults.rate) {
      return faults.kinds[this.rng.int(faults.kinds.length)]!;
    }
    return null;
  }

  /** Issues a token for a JWT signed by a known key, or for a code / refresh token. */
  private token(raw: string): Answer {
    const form = new URLSearchParams(raw);
    const grant = form.get('grant_type');
    const invalid = (description: string) => ({
      status: 400,
      body: { error: 'invalid_grant', error_description: description },
    });
    let email: string;
    if (grant === 'urn:ietf:params:oauth:grant-type:jwt-bearer') {
      const [header, claims, signature] = (form.get('assertion') ?? '').split('.');
      if (!header || !claims || !signature) return invalid('Invalid JWT.');
      const payload = JSON.parse(Buffer.from(claims, 'base64url').toString()) as { iss?: string };
      const key = this.keys.get(payload.iss ?? '');
      if (!key) return invalid('Invalid grant: account not found');
      const valid = createVerify('RSA-SHA256')
        .update(`${header}.${claims}`)
        .verify(createPublicKey(key), Buffer.from(signature, 'base64url'));
      if (!valid) return invalid('Invalid JWT Signature.');
      email = payload.iss!;
    } else if (grant === 'authorization_code' || grant === 'refresh_token') {
      if (!form.get('code') && !form.get('refresh_token')) return invalid('Missing code.');
      email = 'staff@example.edu';
    } else {
      return { status: 400, body: { error: 'unsupported_grant_type' } };
    }
    const accessToken = `ya29.fake-${this.tokens.size + 1}`;
    this.tokens.set(accessToken, { email });
    return {
      status: 200,
      body: {
        access_token: accessToken,
        expires_in: 3599,
        token_type: 'Bearer',
        ...(grant === 'authorization_code' ? { refresh_token: '1//fake-refresh' } : {}),
      },
    };
  }

  /** `appProperties has { key='k' and value='v' }` queries, paged by `pageSize`. */
  private listFiles(q: URLSearchParams): unknown {
    const query = q.get('q') ?? '';
    const has = /appProperties has \{ key='([^']*)' and value='([^']*)' \}/.exec(query);
    const files = [...this.appProperties.entries()]
      .filter(([id, props]) => {
        const file = this.world._driveFile(id);
        if (!file || (query.includes('trashed = false') && file.trashed)) return false;
        return !has || props[has[1]!] === has[2];
      })
      .map(([id, props]) => ({ id, name: this.world._driveFile(id)!.name, appProperties: props }));
    const size = Math.min(Number(q.get('pageSize') ?? 100), 1000);
    const start = Number(q.get('pageToken') ?? 0);
    const page = files.slice(start, start + size);
    const next = start + size < files.length ? String(start + size) : undefined;
    return { files: page, ...(next ? { nextPageToken: next } : {}) };
  }

  /** A form in the Forms API v1 shape: its items, each question with its id (hex of the item's). */
  private getForm(formId: string): unknown {
    const state = this.world._forms.get(formId);
    if (!state) throw new HttpError(rpcError(404, 'Requested entity was not found.'));
    return {
      formId,
      info: { title: state.title, description: state.description },
      items: state.items.map((item) => ({
        itemId: item.id.toString(16),
        title: item.title,
        ...(item.type === 'SECTION_HEADER'
          ? {}
          : {
              questionItem: {
                question: { questionId: item.id.toString(16), required: item.required },
              },
            }),
      })),
      responderUri: `https://docs.google.com/forms/d/e/${state.publishedId}/viewform`,
    };
  }

  /** A form's responses in the Forms API v1 shape, oldest first, paged. */
  private listResponses(formId: string, q: URLSearchParams): unknown {
    const state = this.world._forms.get(formId);
    if (!state) throw new HttpError(rpcError(404, 'Requested entity was not found.'));
    const size = Math.min(Number(q.get('pageSize') ?? 5000), 5000);
    const start = Number(q.get('pageToken') ?? 0);
    const all = state.responses;
    const page = all.slice(start, start + size).map((r) => ({
      formId,
      responseId: r.id,
      createTime: new Date(r.timestampMs).toISOString(),
      lastSubmittedTime: new Date(r.timestampMs).toISOString(),
      ...(r.email ? { respondentEmail: r.email } : {}),
      answers: Object.fromEntries(
        [...r.answers.entries()].map(([item, value]) => {
          const questionId = item.toString(16);
          const values = Array.isArray(value) ? value : [value];
          return [
            questionId,
            { questionId, textAnswers: { answers: values.map((v) => ({ value: v })) } },
          ];
        }),
      ),
    }));
    const next = start + size < all.length ? String(start + size) : undefined;
    return {
      ...(page.length > 0 ? { responses: page } : {}),
      ...(next ? { nextPageToken: next } : {}),
    };
  }
}

/** The query parameters the sandbox's Drive takes: `supportsAllDrives` and the named ones. */
function driveArgs(q: URLSearchParams, ...names: string[]): Record<string, unknown> {
  return {
    ...optional(q, ...names),
    ...(q.has('supportsAllDrives')
      ? { supportsAllDrives: q.get('supportsAllDrives') === 'true' }
      : {}),
  };
}

function optional(q: URLSearchParams, ...names: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = q.get(name);
    if (value !== null) out[name] = value;
  }
  return out;
}
