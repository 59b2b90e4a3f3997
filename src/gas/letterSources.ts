/**
 * The template and folder letters are made from must be files this app may use. Under the narrow
 * `drive.file` scope the app sees only the files it created (or that were opened with it): a
 * template or folder staff made themselves in Drive is "File not found" to it. This check says
 * so once, in words staff can act on, before any letter is made.
 */
import type { Config } from '../domain/config';
import { t } from '../domain/messages';

/** A template or folder the app cannot use: retrying will not help, staff must act. */
export class LetterSourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LetterSourceError';
  }
}

/** Whether Drive (under `drive.file`) says it does not know the file. */
function notFound(error: unknown): boolean {
  return /File not found|notFound|404/i.test(String(error));
}

/** One metadata read per source; throws LetterSourceError when the app may not use one. */
export function checkLetterSources(config: Config): void {
  const sources = [
    { id: config.letterTemplate, key: 'gas.jobs.templateNotFound' as const },
    { id: config.letterFolder, key: 'gas.jobs.folderNotFound' as const },
  ];
  for (const { id, key } of sources) {
    if (!id) continue;
    try {
      Drive!.Files!.get(id, { supportsAllDrives: true, fields: 'id,trashed' });
    } catch (error) {
      if (notFound(error)) throw new LetterSourceError(t(config.locale, key, { id }));
      throw error;
    }
  }
}
