/** Server mode against the fake: a world set up by the bundle, a key, and connected clients. */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { authorise } from '../../src/google/auth';
import { googleApi, type GoogleApi } from '../../src/google/clients';
import type { RetryPolicy } from '../../src/google/retry';
import { compactSheets, freshGas, type Gas } from '../gas/support';
import { FakeGoogle, type FakeGoogleOptions } from './fakeGoogle';

export const SERVICE_ACCOUNT = 'starbranch-jobs@college-project.iam.gserviceaccount.com';

let keyPair: { publicKey: string; privateKey: string } | null = null;
function keys(): { publicKey: string; privateKey: string } {
  keyPair ??= generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return keyPair;
}

export interface Served {
  readonly gas: Gas;
  readonly fake: FakeGoogle;
  readonly spreadsheetId: string;
  /** A service-account key file whose token_uri is the fake's. */
  readonly keyFile: string;
  readonly retries: string[];
  connect(retry?: Partial<RetryPolicy>): Promise<GoogleApi>;
}

/** A spreadsheet as Setup leaves it, served by a started fake; `stop` the fake after. */
export async function serve(options: FakeGoogleOptions = {}): Promise<Served> {
  const gas = freshGas();
  // Staff's trimmed sheets: a whole-sheet read then costs the fake rows, not a 1000-row grid.
  compactSheets(gas.world);
  const fake = new FakeGoogle(gas.world, options);
  const url = await fake.start();
  fake.keys.set(SERVICE_ACCOUNT, keys().publicKey);
  const dir = mkdtempSync(join(tmpdir(), 'starbranch-google-'));
  const keyFile = join(dir, 'key.json');
  writeFileSync(
    keyFile,
    JSON.stringify({
      type: 'service_account',
      project_id: 'college-project',
      private_key_id: 'k1',
      private_key: keys().privateKey,
      client_email: SERVICE_ACCOUNT,
      token_uri: `${url}token`,
    }),
  );
  const spreadsheetId = gas.world.spreadsheet.getId();
  const retries: string[] = [];
  return {
    gas,
    fake,
    spreadsheetId,
    keyFile,
    retries,
    async connect(retry = {}) {
      const { client, principal } = await authorise(keyFile, {
        locale: 'en',
        say: () => undefined,
      });
      return googleApi(client, principal, {
        apiRoot: url,
        retry: {
          sleep: async () => undefined,
          random: () => 0.5,
          onRetry: (e) => retries.push(`${e.label} ${e.status} #${e.attempt} ${e.ms}ms`),
          ...retry,
        },
      });
    },
  };
}
