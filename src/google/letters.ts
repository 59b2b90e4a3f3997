/**
 * Letters as Google Docs from Node. The letters use case is synchronous and a Drive copy is not,
 * so the calls are made around it: first a copy for every letter the use case's own plan
 * (`lettersDue`) says it will make, new letters of voided ones and `reissue` included (Drive
 * `files.copy`, each tagged in `appProperties` with its award and letter number), then the use
 * case (it finds each copy in its markers under the key it uses, as it does when resuming), then
 * each letter's one Docs `batchUpdate` of `replaceAllText` requests and its Drive
 * `permissions.create`, then each voided letter's rename and unsharing, then one write of the
 * tables.
 *
 * Never a second copy of one letter: before copying, one paged Drive `files.list` finds the
 * copies earlier runs made for this spreadsheet (by their tag), also those whose run was cut off
 * before it saved anything. The day's document quota stops the copying; the letters copied so
 * far are finished (and only their old letters voided) and the rest wait for the next run.
 */
import type { drive_v3 } from '@googleapis/drive';
import type { Ports } from '../app/context';
import { readConfig } from '../app/context';
import { markerKey } from '../app/letterCheck';
import { issueLetters, lettersDue, readLetterSources, type LettersReport } from '../app/letters';
import { Table } from '../app/table';
import { VOID_PREFIX } from '../domain/vocabulary';
import type { LetterSharing } from '../domain/config';
import { placeholderToken } from '../domain/letterFields';
import { t } from '../domain/messages';
import { hash64 } from '../domain/responseId';
import { AwardsTable } from '../domain/schema/tables';
import type { DocumentMaker, MadeDocument, Markers } from '../ports';
import type { GoogleApi } from './clients';
import { GoogleCallError } from './errors';
import { GoogleSheetsStore } from './sheetsStore';

/**
 * The tags every letter copy carries: which spreadsheet, award and letter of the award (its
 * issue, and the number it prints) it was made for. A copy without an issue tag was made before
 * letters were reissued: it is the award's first.
 */
export const TAG_SPREADSHEET = 'starbranchSpreadsheet';
export const TAG_AWARD = 'starbranchAward';
export const TAG_ISSUE = 'starbranchIssue';
export const TAG_LETTER_NO = 'starbranchLetterNo';
/** A hash of what the copy is to print: a copy made for fields that changed since is stale. */
export const TAG_CONTENT = 'starbranchContent';

/** The content tag of a letter's fields (16 hex digits, well under Drive's 124 bytes a tag). */
export function contentTag(fields: Readonly<Record<string, string>>): string {
  return hash64(JSON.stringify(Object.entries(fields).sort(([a], [b]) => (a < b ? -1 : 1))));
}

/** A copy an earlier run made, as its tags and name say. */
export interface LetterCopy {
  readonly id: string;
  /** Its content tag; undefined on copies made before the tag existed (taken as current). */
  readonly content: string | undefined;
  /** Renamed 作废-…: never filled again. */
  readonly voided: boolean;
}

export function documentLink(id: string): string {
  return `https://docs.google.com/document/d/${id}/edit?usp=sharing`;
}

export interface GoogleLettersReport extends LettersReport {
  readonly quotaReached: boolean;
  readonly sharingNote: string | null;
}

/**
 * The copies earlier runs made for this spreadsheet, by the Markers key of the letter they were
 * made for (one request per 1,000).
 */
export async function findLetterCopies(
  api: GoogleApi,
  spreadsheetId: string,
): Promise<Map<string, LetterCopy[]>> {
  const found = new Map<string, LetterCopy[]>();
  let pageToken: string | undefined;
  do {
    const page: drive_v3.Schema$FileList = await api.call('drive.files.list', () =>
      api.drive.files.list({
        q: `appProperties has { key='${TAG_SPREADSHEET}' and value='${spreadsheetId}' } and trashed = false`,
        fields: 'nextPageToken, files(id, name, appProperties)',
        pageSize: 1000,
        supportsAllDrives: true,
        includeItemsFromAllDrives: true,
        ...(pageToken ? { pageToken } : {}),
      }),
    );
    for (const file of page.files ?? []) {
      const award = file.appProperties?.[TAG_AWARD];
      const issue = Number(file.appProperties?.[TAG_ISSUE] ?? 1);
      if (!award || !file.id || !Number.isInteger(issue)) continue;
      const key = markerKey(award, issue);
      found.set(key, [
        ...(found.get(key) ?? []),
        {
          id: file.id,
          content: file.appProperties?.[TAG_CONTENT],
          voided: (file.name ?? '').startsWith(VOID_PREFIX),
        },
      ]);
    }
    pageToken = page.nextPageToken ?? undefined;
  } while (pageToken);
  return found;
}

/** The one place a letter is filled and shared, after the use case decided its fields. */
class QueuedDocsMaker implements DocumentMaker {
  readonly queue: { document: MadeDocument; fields: Readonly<Record<string, string>> }[] = [];
  create(name: string): MadeDocument {
    // Every copy is made before the use case runs and handed to it as a marker.
    throw new Error(`letter "${name}" has no copy prepared`);
  }
  fill(document: MadeDocument, fields: Readonly<Record<string, string>>): void {
    this.queue.push({ document, fields });
  }
  readonly voids: { document: MadeDocument; reason: string }[] = [];
  void(document: MadeDocument, reason: string): MadeDocument {
    this.voids.push({ document, reason });
    return document;
  }
}

function memoryMarkers(initial: Map<string, string>): Markers {
  return {
    get: (key) => initial.get(key) ?? null,
    set: (key, value) => void initial.set(key, value),
  };
}

export interface GoogleLetterOptions {
  /** The Workspace domain for `domain` sharing; null keeps such letters private. */
  readonly domain: string | null;
  /** Void every letter made so far and make it again. */
  readonly reissue?: boolean;
}

export async function issueGoogleLetters(
  api: GoogleApi,
  spreadsheetId: string,
  ports: Ports,
  options: GoogleLetterOptions,
): Promise<GoogleLettersReport> {
  const config = readConfig(ports);
  if (!config.letterTemplate) throw new Error(t(config.locale, 'server.lettersNoTemplate'));
  const templateId = config.letterTemplate;
  const { locale } = config;
  const sources = readLetterSources(ports.store, locale);
  const awards = Table.read(ports.store, AwardsTable, locale).records();
  const { due } = lettersDue(awards, sources, config, { reissue: options.reissue === true });
  const copies =
    due.length > 0 ? await findLetterCopies(api, spreadsheetId) : new Map<string, LetterCopy[]>();
  const markers = new Map<string, string>();
  /** Copies a cut-off run made for fields that have changed since: voided, never filled. */
  const stale: string[] = [];
  let quotaReached = false;
  for (const letter of due) {
    const content = contentTag(letter.fields);
    const earlier = (copies.get(letter.key) ?? []).filter((c) => !c.voided);
    let id = earlier.find((c) => c.content === undefined || c.content === content)?.id;
    if (!id) {
      try {
        const copy = await api.call('drive.files.copy', () =>
          api.drive.files.copy({
            fileId: templateId,
            supportsAllDrives: true,
            fields: 'id',
            requestBody: {
              name: letter.name,
              ...(config.letterFolder ? { parents: [config.letterFolder] } : {}),
              appProperties: {
                [TAG_SPREADSHEET]: spreadsheetId,
                [TAG_AWARD]: letter.award.awardId,
                [TAG_ISSUE]: String(letter.issue),
                [TAG_LETTER_NO]: letter.letterNo,
                [TAG_CONTENT]: content,
              },
            },
          }),
        );
        id = copy.id!;
        stale.push(...earlier.map((c) => c.id));
      } catch (error) {
        if (error instanceof GoogleCallError && error.failure.kind === 'dailyQuota') {
          quotaReached = true;
          break;
        }
        throw error;
      }
    }
    markers.set(letter.key, JSON.stringify({ id, link: documentLink(id) }));
  }
  const maker = new QueuedDocsMaker();
  const prepared = markers.size;
  const report = issueLetters(
    { ...ports, documents: maker, markers: memoryMarkers(markers) },
    // The plan is the use case's own, so the first `prepared` letters are the ones copied.
    { shouldStop: (made) => made >= prepared, reissue: options.reissue === true },
  );
  let sharingNote: string | null = null;
  try {
    for (const { document, fields } of maker.queue) {
      await api.call('docs.documents.batchUpdate', () =>
        api.docs.documents.batchUpdate({
          documentId: document.id,
          requestBody: {
            requests: Object.entries(fields).map(([key, value]) => ({
              replaceAllText: {
                containsText: { text: placeholderToken(key), matchCase: true },
                replaceText: value,
              },
            })),
          },
        }),
      );
      const refused = await share(api, document.id, config.letterSharing, options.domain);
      if (refused) sharingNote = t(config.locale, 'server.sharingRefused', { reason: refused });
    }
    for (const { document, reason } of maker.voids) await voidFile(api, document.id, reason);
    const staleReason = t(config.locale, 'server.staleCopy');
    for (const fileId of stale) await voidFile(api, fileId, staleReason);
  } catch (error) {
    // A letter left unfilled must not be recorded as made: the next run fills every copy
    // again (harmless for those already filled) and finds them by their tag, copying none.
    if (ports.store instanceof GoogleSheetsStore) ports.store.discard(AwardsTable);
    throw error;
  }
  const summary = [...report.summary];
  if (quotaReached) {
    summary.push(
      t(config.locale, 'server.dailyQuota', { made: report.made, remaining: report.remaining }),
    );
  }
  if (sharingNote) summary.push(sharingNote);
  return { ...report, summary, quotaReached, sharingNote };
}

/**
 * A voided letter (作废): kept, renamed with the prefix, its reason in the description, and every
 * permission but the owner's removed. A file already gone is left so.
 */
async function voidFile(api: GoogleApi, fileId: string, reason: string): Promise<void> {
  let file: drive_v3.Schema$File;
  try {
    file = await api.call('drive.files.get', () =>
      api.drive.files.get({
        fileId,
        supportsAllDrives: true,
        fields: 'name,permissions(id,role)',
      }),
    );
  } catch (error) {
    if (error instanceof GoogleCallError && error.failure.status === '404') return;
    throw error;
  }
  const name = file.name ?? '';
  if (!name.startsWith(VOID_PREFIX)) {
    await api.call('drive.files.update', () =>
      api.drive.files.update({
        fileId,
        supportsAllDrives: true,
        fields: 'id',
        requestBody: { name: `${VOID_PREFIX}${name}`, description: reason },
      }),
    );
  }
  // `permissions` is not filled in for files on a shared drive: ask for them there.
  const permissions =
    file.permissions ??
    (
      await api.call('drive.permissions.list', () =>
        api.drive.permissions.list({
          fileId,
          supportsAllDrives: true,
          fields: 'permissions(id,role)',
        }),
      )
    ).permissions ??
    [];
  for (const permission of permissions) {
    if (permission.role === 'owner' || !permission.id) continue;
    const permissionId = permission.id;
    await api.call('drive.permissions.delete', () =>
      api.drive.permissions.delete({ fileId, permissionId, supportsAllDrives: true }),
    );
  }
}

/**
 * Shares view-only as configured; a domain that forbids it leaves the letter private, and the
 * reason is returned for the report.
 */
async function share(
  api: GoogleApi,
  fileId: string,
  sharing: LetterSharing,
  domain: string | null,
): Promise<string | null> {
  if (sharing === 'private' || (sharing === 'domain' && !domain)) return null;
  const requestBody: drive_v3.Schema$Permission =
    sharing === 'domain'
      ? { role: 'reader', type: 'domain', domain: domain!, allowFileDiscovery: false }
      : { role: 'reader', type: 'anyone', allowFileDiscovery: false };
  try {
    await api.call('drive.permissions.create', () =>
      api.drive.permissions.create({ fileId, supportsAllDrives: true, requestBody }),
    );
    return null;
  } catch (error) {
    if (error instanceof GoogleCallError && error.failure.kind === 'permission') {
      return error.failure.message.slice(0, 160);
    }
    throw error;
  }
}
