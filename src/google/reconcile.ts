/**
 * Reconciliation from Node: every response the forms hold goes through the ingest use case, which
 * files the ones no table knows yet and skips the rest. Per form, one Forms API `forms.get` (the
 * question titles by question id) and one `forms.responses.list` per page of 5,000, never a
 * request per response.
 *
 * A response is named by `responseIdOf` its content, as a CSV export of it would be, and also
 * answers to Google's response id, under which the form-submit trigger filed it: whichever path
 * saw it first, it is filed once.
 */
import type { forms_v1 } from '@googleapis/forms';
import { readConfig, type Ports } from '../app/context';
import { ingestResponses, type IngestReport } from '../app/ingest';
import type { Config } from '../domain/config';
import { formDef, questionTitle, type FormName, type FormResponse } from '../domain/forms';
import { responseIdOf } from '../domain/responseId';
import { formatInZone } from '../domain/zonedTime';
import type { GoogleApi } from './clients';
import { answerTexts, listFormResponses } from './formResponses';

/** A form's responses as the domain's, read in one `forms.get` and one request per page. */
export async function readFormOnGoogle(
  api: GoogleApi,
  name: FormName,
  formId: string,
  config: Config,
): Promise<FormResponse[]> {
  const form: forms_v1.Schema$Form = await api.call('forms.forms.get', () =>
    api.forms.forms.get({ formId }),
  );
  const titles = new Map<string, string>();
  for (const item of form.items ?? []) {
    const questionId = item.questionItem?.question?.questionId;
    if (questionId) titles.set(questionId, (item.title ?? '').trim());
  }
  const responses = await listFormResponses(api, formId);
  return responses.map((response) => toFormResponse(response, name, titles, config));
}

/** A Forms API response as the domain's, its answers matched to questions by zh-CN or en title. */
function toFormResponse(
  response: forms_v1.Schema$FormResponse,
  name: FormName,
  titles: ReadonlyMap<string, string>,
  config: Config,
): FormResponse {
  const byTitle = new Map<string, string>();
  for (const [questionId, text] of Object.entries(answerTexts(response))) {
    const title = titles.get(questionId);
    if (title !== undefined) byTitle.set(title, text);
  }
  const def = formDef(name, config.defenseRubric);
  const answers: Record<string, string> = {};
  for (const question of def.questions) {
    const answer =
      byTitle.get(questionTitle(question, 'zh-CN')) ?? byTitle.get(questionTitle(question, 'en'));
    if (answer !== undefined) answers[question.key] = answer;
  }
  const submitted = new Date(response.lastSubmittedTime ?? response.createTime ?? 0);
  const submittedAt = formatInZone(submitted, config.timeZone);
  const email = response.respondentEmail ? response.respondentEmail : null;
  return {
    form: name,
    responseId: responseIdOf(def, submittedAt, email, answers, { dayOrder: config.dateOrder }),
    ...(response.responseId ? { previousIds: [response.responseId] } : {}),
    submittedAt,
    email,
    answers,
  };
}

/** Reads every listed form, then files what is new in one ingest job. */
export async function reconcileOnGoogle(
  api: GoogleApi,
  ports: Ports,
  forms: ReadonlyMap<FormName, string>,
): Promise<IngestReport & { read: number }> {
  const config = readConfig(ports);
  const responses: FormResponse[] = [];
  for (const [name, formId] of forms)
    responses.push(...(await readFormOnGoogle(api, name, formId, config)));
  return { ...ingestResponses(ports, responses), read: responses.length };
}
