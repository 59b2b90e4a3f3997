/**
 * Signing in: a service account key's own token_uri is used; a person's OAuth client prints the
 * consent address once, and the token is kept in a file they can find and delete.
 */
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { authorise } from '../../src/google/auth';
import { googleApi } from '../../src/google/clients';
import { serve, type Served } from './support';

jest.setTimeout(30_000);

describe('signing in', () => {
  let served: Served;
  beforeAll(async () => {
    served = await serve();
  });
  afterAll(() => served.fake.stop());

  it("asks the service account key's own token_uri for the token", async () => {
    served.fake.reset();
    const api = await served.connect();
    await api.call('sheets.spreadsheets.get', () =>
      api.sheets.spreadsheets.get({
        spreadsheetId: served.spreadsheetId,
        fields: 'sheets.properties.title',
      }),
    );
    expect(served.fake.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'POST /token 200',
      `GET /v4/spreadsheets/${served.spreadsheetId} 200`,
    ]);
  });

  it('a person consents once: the address is printed, the token kept in a private file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'starbranch-oauth-'));
    const client = join(dir, 'client.json');
    const tokenFile = join(dir, 'config', 'google-token.json');
    writeFileSync(
      client,
      JSON.stringify({
        installed: {
          client_id: 'desktop-client.apps.googleusercontent.com',
          client_secret: 'secret',
          auth_uri: `${served.fake.url}o/oauth2/auth`,
          token_uri: `${served.fake.url}token`,
        },
      }),
    );
    const said: string[] = [];
    const say = (line: string) => {
      said.push(line);
      if (line.startsWith(`${served.fake.url}o/oauth2/auth`)) {
        // The browser: the person allows access and Google redirects to the local port.
        const redirect = new URL(line).searchParams.get('redirect_uri')!;
        void fetch(`${redirect}/?code=4/granted&scope=x`);
      }
    };
    const first = await authorise(client, { locale: 'en', tokenFile, say });
    expect(said[0]).toBe('Open this address in a browser and allow access, then come back here:');
    expect(said[1]).toContain('access_type=offline');
    expect(said[2]).toBe(
      `access saved in ${tokenFile} (delete that file to revoke it on this machine)`,
    );
    expect(statSync(tokenFile).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(tokenFile, 'utf8'))).toMatchObject({
      refresh_token: '1//fake-refresh',
    });
    const api = googleApi(first.client, first.principal, { apiRoot: served.fake.url });
    await api.call('sheets.spreadsheets.get', () =>
      api.sheets.spreadsheets.get({
        spreadsheetId: served.spreadsheetId,
        fields: 'sheets.properties.title',
      }),
    );
    // The next run reads the kept token: no address printed.
    said.length = 0;
    await authorise(client, { locale: 'en', tokenFile, say });
    expect(said).toEqual([]);
    expect(existsSync(tokenFile)).toBe(true);
  });
});
