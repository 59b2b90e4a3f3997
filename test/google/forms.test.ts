/** A form's responses through the Forms API: one request per page, never one per response. */
import { answerTexts, listFormResponses } from '../../src/google/formResponses';
import { serve } from './support';

jest.setTimeout(30_000);

it('reads every response of a form in pages', async () => {
  const served = await serve();
  try {
    const formId = served.gas.forms.activity;
    const state = served.gas.world._forms.get(formId)!;
    const item = state.items[0]!;
    for (let i = 0; i < 12; i++) {
      state.responses.push({
        id: `r${i}`,
        timestampMs: Date.UTC(2026, 9, 1 + i),
        email: '',
        answers: new Map([[item.id, `answer ${i}`]]),
      });
    }
    const api = await served.connect();
    served.fake.reset();
    const responses = await listFormResponses(api, formId, 5);
    expect(responses.map((r) => r.responseId)).toEqual(state.responses.map((r) => r.id));
    expect(served.fake.counts()).toEqual({ 'forms.responses.list': 3 });
    expect(served.fake.requests.find((r) => r.label !== 'oauth.token')!.path).toBe(
      `/v1/forms/${formId}/responses`,
    );
    expect(Object.values(answerTexts(responses[11]!))).toEqual(['answer 11']);
  } finally {
    await served.fake.stop();
  }
});
