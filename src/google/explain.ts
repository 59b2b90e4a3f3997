/**
 * A failed Google call, said in one line the person can act on: which email to share the
 * spreadsheet with, which API to enable and where, which credential was refused.
 */
import { t } from '../domain/messages';
import type { Locale } from '../domain/vocabulary';
import { CredentialsError } from './auth';
import { GoogleCallError } from './errors';

const API_NAMES: Record<string, string> = {
  'sheets.googleapis.com': 'Google Sheets API',
  'drive.googleapis.com': 'Google Drive API',
  'docs.googleapis.com': 'Google Docs API',
  'forms.googleapis.com': 'Google Forms API',
};

export interface ExplainContext {
  readonly locale: Locale;
  readonly spreadsheetId: string;
  readonly principal: string;
}

/** The line to print, or null when the error is not a Google one. */
export function explainGoogleError(error: unknown, context: ExplainContext): string | null {
  const { locale, spreadsheetId: id, principal: email } = context;
  if (error instanceof CredentialsError) return error.message;
  if (!(error instanceof GoogleCallError)) return null;
  const { failure, label } = error;
  const what = label.startsWith('sheets.') ? 'spreadsheet' : label.split('.')[0]!;
  switch (failure.kind) {
    case 'apiDisabled':
      return t(locale, 'server.apiDisabled', {
        api: API_NAMES[failure.service ?? ''] ?? failure.service ?? label,
        url: failure.activationUrl ?? '',
      });
    case 'permission':
      return label.startsWith('sheets.')
        ? t(locale, 'server.notShared', { id, email })
        : `${label}: ${failure.message}`;
    case 'notFound':
      return t(locale, 'server.notFound', {
        what,
        id: label.startsWith('sheets.') ? id : failure.message,
        email,
      });
    case 'unauthenticated':
      return t(locale, 'server.credentialsRefused', { reason: failure.message });
    case 'retry':
      return t(locale, 'server.gaveUp', {
        label,
        status: failure.status,
        attempts: error.attempts,
      });
    default:
      return `${label}: ${failure.status} ${failure.message}`;
  }
}
