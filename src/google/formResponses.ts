/**
 * A form's responses through the Forms API v1: `forms.responses.list`, one request per page of
 * up to 5,000, never one per response. Reconciliation compares them with the rows the sheet has.
 */
import type { forms_v1 } from '@googleapis/forms';
import type { GoogleApi } from './clients';

export const FORMS_PAGE_SIZE = 5000;

export async function listFormResponses(
  api: GoogleApi,
  formId: string,
  pageSize = FORMS_PAGE_SIZE,
): Promise<forms_v1.Schema$FormResponse[]> {
  const responses: forms_v1.Schema$FormResponse[] = [];
  let pageToken: string | undefined;
  do {
    const page: forms_v1.Schema$ListFormResponsesResponse = await api.call(
      'forms.responses.list',
      () =>
        api.forms.forms.responses.list({ formId, pageSize, ...(pageToken ? { pageToken } : {}) }),
    );
    responses.push(...(page.responses ?? []));
    pageToken = page.nextPageToken ?? undefined;
  } while (pageToken);
  return responses;
}

/** A response's answers as text, by question id (choices joined by ", "), for comparison. */
export function answerTexts(response: forms_v1.Schema$FormResponse): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [questionId, answer] of Object.entries(response.answers ?? {})) {
    out[questionId] = (answer.textAnswers?.answers ?? []).map((a) => a.value ?? '').join(', ');
  }
  return out;
}
