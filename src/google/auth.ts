/**
 * Who the server-mode run is, to Google: a service account (its JSON key) or a person (a desktop
 * OAuth client file plus their consent). The service account's access token is fetched from the
 * key's own `token_uri` (google-auth-library's JWT client always uses Google's), so a key made
 * for a proxy or a test server is honoured. A person consents once: the consent address is
 * printed, Google redirects to a one-off local port, and the token is kept in a file the person
 * can find and delete.
 */
import { createSign } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { OAuth2Client, type Credentials } from 'google-auth-library';
import { t } from '../domain/messages';
import type { Locale } from '../domain/vocabulary';
import { CredentialsError, GoogleCallError } from './errors';

export { CredentialsError };

/** What server mode does: tables, letters (copy the template, fill it, share it), form answers. */
export const SCOPES = [
  'https://www.googleapis.com/auth/spreadsheets',
  'https://www.googleapis.com/auth/drive',
  'https://www.googleapis.com/auth/documents',
  'https://www.googleapis.com/auth/forms.responses.readonly',
];

export interface ServiceAccountKey {
  readonly type: 'service_account';
  readonly client_email: string;
  readonly private_key: string;
  readonly private_key_id?: string;
  readonly token_uri?: string;
}

interface InstalledClient {
  readonly client_id: string;
  readonly client_secret: string;
  readonly auth_uri?: string;
  readonly token_uri?: string;
}

export interface Authorised {
  readonly client: OAuth2Client;
  /** Whom to share the spreadsheet with: the service account's email, or the person's. */
  readonly principal: string;
}

export interface AuthOptions {
  readonly locale: Locale;
  /** Where a person's token is kept; default `~/.config/starbranch/google-token.json`. */
  readonly tokenFile?: string;
  readonly say: (line: string) => void;
}

export function defaultTokenFile(): string {
  const base = process.env.XDG_CONFIG_HOME || join(homedir(), '.config');
  return join(base, 'starbranch', 'google-token.json');
}

function readJson(file: string, locale: Locale): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CredentialsError(t(locale, 'server.credentialsUnreadable', { file, reason }));
  }
}

export async function authorise(file: string, options: AuthOptions): Promise<Authorised> {
  const json = readJson(file, options.locale);
  if (json.type === 'service_account' && json.client_email && json.private_key) {
    return serviceAccount(json as unknown as ServiceAccountKey, options.locale);
  }
  const installed = (json.installed ?? json.web) as InstalledClient | undefined;
  if (installed?.client_id && installed.client_secret) {
    return person(installed, options);
  }
  throw new CredentialsError(t(options.locale, 'server.credentialsUnknown', { file }));
}

const base64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');

/** A signed JWT asking the token endpoint for an access token (RFC 7523). */
export function signedAssertion(key: ServiceAccountKey, nowSeconds: number): string {
  const tokenUri = key.token_uri ?? 'https://oauth2.googleapis.com/token';
  const header = {
    alg: 'RS256',
    typ: 'JWT',
    ...(key.private_key_id ? { kid: key.private_key_id } : {}),
  };
  const claims = {
    iss: key.client_email,
    scope: SCOPES.join(' '),
    aud: tokenUri,
    iat: nowSeconds,
    exp: nowSeconds + 3600,
  };
  const unsigned = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
  const signature = createSign('RSA-SHA256').update(unsigned).sign(key.private_key);
  return `${unsigned}.${base64url(signature)}`;
}

function serviceAccount(key: ServiceAccountKey, locale: Locale): Authorised {
  const tokenUri = key.token_uri ?? 'https://oauth2.googleapis.com/token';
  const client = new OAuth2Client({ transporterOptions: { fetchImplementation: fetch } });
  client.refreshHandler = async () => {
    let assertion: string;
    try {
      assertion = signedAssertion(key, Math.floor(Date.now() / 1000));
    } catch (error) {
      throw new CredentialsError(
        t(locale, 'server.credentialsRefused', { reason: (error as Error).message }),
      );
    }
    const response = await fetch(tokenUri, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
        assertion,
      }).toString(),
    });
    const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (!response.ok || typeof body.access_token !== 'string') {
      if (response.status >= 500 || response.status === 429) {
        throw new GoogleCallError('oauth2.token', {
          kind: 'retry',
          status: String(response.status),
          message: String(body.error ?? response.statusText),
        });
      }
      const reason = [body.error, body.error_description].filter(Boolean).join(': ');
      throw new CredentialsError(t(locale, 'server.credentialsRefused', { reason }));
    }
    const seconds = typeof body.expires_in === 'number' ? body.expires_in : 3600;
    return { access_token: body.access_token, expiry_date: Date.now() + seconds * 1000 };
  };
  return { client, principal: key.client_email };
}

async function person(installed: InstalledClient, options: AuthOptions): Promise<Authorised> {
  const tokenFile = options.tokenFile ?? defaultTokenFile();
  const endpoints = {
    ...(installed.token_uri ? { oauth2TokenUrl: installed.token_uri } : {}),
    ...(installed.auth_uri ? { oauth2AuthBaseUrl: installed.auth_uri } : {}),
  };
  const client = new OAuth2Client({
    clientId: installed.client_id,
    clientSecret: installed.client_secret,
    endpoints,
    // Node's own fetch, as for the API clients.
    transporterOptions: { fetchImplementation: fetch },
  });
  const save = (tokens: Credentials) => {
    mkdirSync(dirname(tokenFile), { recursive: true });
    writeFileSync(tokenFile, JSON.stringify(tokens, null, 2), { mode: 0o600 });
    chmodSync(tokenFile, 0o600);
  };
  if (existsSync(tokenFile)) {
    client.setCredentials(JSON.parse(readFileSync(tokenFile, 'utf8')) as Credentials);
  } else {
    const tokens = await consent(client, options);
    client.setCredentials(tokens);
    save(tokens);
    options.say(t(options.locale, 'server.tokenStored', { file: tokenFile }));
  }
  // A refreshed token keeps its refresh token: store the merged credentials.
  client.on('tokens', (tokens) => save({ ...client.credentials, ...tokens }));
  return { client, principal: t(options.locale, 'server.person') };
}

/** Prints the consent address and waits for Google's redirect to a one-off local port. */
async function consent(client: OAuth2Client, options: AuthOptions): Promise<Credentials> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const redirectUri = `http://127.0.0.1:${port}`;
  try {
    const code = await new Promise<string>((resolve, reject) => {
      server.on('request', (req, res) => {
        const url = new URL(req.url ?? '/', redirectUri);
        const got = url.searchParams.get('code');
        const denied = url.searchParams.get('error');
        res.writeHead(got ? 200 : 400, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(got ? 'StarBranch: OK. 可以关闭此页。' : `StarBranch: ${denied ?? 'no code'}`);
        if (got) resolve(got);
        else if (denied) reject(new CredentialsError(denied));
      });
      options.say(t(options.locale, 'server.consent'));
      options.say(
        client.generateAuthUrl({
          access_type: 'offline',
          prompt: 'consent',
          scope: SCOPES,
          redirect_uri: redirectUri,
        }),
      );
    });
    const { tokens } = await client.getToken({ code, redirect_uri: redirectUri });
    return tokens;
  } finally {
    server.close();
  }
}
