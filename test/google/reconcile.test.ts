/**
 * Reconciliation from Node against the fake: responses the form-submit trigger missed are filed
 * through the ingest use case, those it filed (under Google's id) and those filed before (under
 * their content id) are not filed again, and a form costs one `forms.get` and one
 * `forms.responses.list` per page whatever its number of responses.
 */
import { Table } from '../../src/app/table';
import { BranchesTable } from '../../src/domain/schema/tables';
import { reconcileOnGoogle } from '../../src/google/reconcile';
import { runOnSpreadsheet } from '../../src/google/session';
import { SettableClock } from '../../src/local/clock';
import { applicationAnswers, cst, submit } from '../gas/support';
import { serve, type Served } from './support';

jest.setTimeout(30_000);

const clock = new SettableClock('2026-09-10 09:00:00');
const options = { clock: () => clock };

describe('reconcile on Google', () => {
  let served: Served;
  afterEach(() => served.fake.stop());

  function reconcile(api: Awaited<ReturnType<Served['connect']>>) {
    return runOnSpreadsheet(api, served.spreadsheetId, options, ({ ports }) =>
      reconcileOnGoogle(api, ports, new Map([['application', served.gas.forms.application]])),
    );
  }

  it('files the responses the trigger missed, once, in a few requests', async () => {
    served = await serve();
    const { world } = served.gas;
    // One response the trigger filed, two it missed (submitted while no trigger ran).
    submit(served.gas, 'application', applicationAnswers('第一党支部'), {
      at: cst('2026-09-03 10:00'),
    });
    world.setNow(cst('2026-09-04 10:00'));
    world.submitForm(served.gas.forms.application, applicationAnswers('第二党支部'), {
      email: 'a@stu.example.edu',
    });
    world.setNow(cst('2026-09-05 10:00'));
    world.submitForm(served.gas.forms.application, applicationAnswers('第三党支部'), {
      email: 'b@stu.example.edu',
    });
    const api = await served.connect();
    served.fake.reset();
    const first = await reconcile(api);
    expect(first).toMatchObject({ read: 3, added: 2, skipped: 1, rejected: 0 });
    expect(served.fake.counts()).toEqual({
      'sheets.spreadsheets.get': 1,
      'sheets.values.batchGet': 1,
      'forms.forms.get': 1,
      'forms.responses.list': 1,
      'sheets.values.batchUpdate': 1,
    });
    const branches = await runOnSpreadsheet(api, served.spreadsheetId, options, ({ ports }) =>
      Table.read(ports.store, BranchesTable, 'zh-CN').records(),
    );
    expect(branches.map((b) => b.name).sort()).toEqual(['第一党支部', '第三党支部', '第二党支部']);
    const second = await reconcile(api);
    expect(second).toMatchObject({ read: 3, added: 0, skipped: 3 });
  });
});
