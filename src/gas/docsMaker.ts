/**
 * Letters as Google Docs: copy the template (Drive), fill every placeholder in one Docs
 * `batchUpdate` of literal `replaceAllText` requests, share view-only with the narrowest access
 * the Config allows. Three calls a letter.
 *
 * Voiding a letter costs two calls and one per sharing permission: read its name and permissions,
 * rename it `作废-…` (the reason in its description), delete every permission but the owner's.
 * The document is kept: deleting it is staff's decision, never the system's.
 */
import type { LetterSharing } from '../domain/config';
import { placeholderToken } from '../domain/letterFields';
import { t } from '../domain/messages';
import { VOID_PREFIX, type Locale } from '../domain/vocabulary';
import type { DocumentMaker, MadeDocument } from '../ports';

export interface DocsMakerOptions {
  readonly templateId: string;
  readonly folderId: string | null;
  readonly sharing: LetterSharing;
  /** The Workspace domain, for `domain` sharing. */
  readonly domain: string | null;
  /** The workbook's language, for what the maker tells staff. */
  readonly locale: Locale;
}

export class DocsMaker implements DocumentMaker {
  /** Set when sharing was narrowed because the domain forbids it: the job reports it. */
  sharingNote: string | null = null;

  constructor(private readonly options: DocsMakerOptions) {}

  create(name: string): MadeDocument {
    const { templateId, folderId } = this.options;
    const copy = Drive!.Files!.copy(
      { name, ...(folderId ? { parents: [folderId] } : {}) },
      templateId,
      { supportsAllDrives: true, fields: 'id' },
    );
    const id = copy.id!;
    return { id, link: `https://docs.google.com/document/d/${id}/edit?usp=sharing` };
  }

  fill(document: MadeDocument, fields: Readonly<Record<string, string>>): void {
    Docs!.Documents!.batchUpdate(
      {
        requests: Object.entries(fields).map(([key, value]) => ({
          replaceAllText: {
            containsText: { text: placeholderToken(key), matchCase: true },
            replaceText: value,
          },
        })),
      },
      document.id,
    );
    this.share(document.id);
  }

  private share(id: string): void {
    const { sharing, domain } = this.options;
    // `domain` without a domain (a consumer account) is private, never wider than asked.
    if (sharing === 'private' || (sharing === 'domain' && !domain)) return;
    const permission =
      sharing === 'domain'
        ? { role: 'reader', type: 'domain', domain: domain!, allowFileDiscovery: false }
        : { role: 'reader', type: 'anyone', allowFileDiscovery: false };
    try {
      // sendNotificationEmail is allowed only for user and group permissions: not sent here.
      Drive!.Permissions!.create(permission, id, { supportsAllDrives: true });
    } catch (error) {
      // A domain that forbids link sharing: the letter stays private, and staff are told why.
      this.sharingNote = t(this.options.locale, 'server.sharingRefused', {
        reason: String(error).slice(0, 160),
      });
    }
  }

  void(document: MadeDocument, reason: string): MadeDocument {
    const options = { supportsAllDrives: true };
    let file: GoogleAppsScript.Drive_v3.Drive.V3.Schema.File;
    try {
      file = Drive!.Files!.get(document.id, {
        ...options,
        fields: 'name,permissions(id,type,role)',
      });
    } catch (error) {
      // Deleted by hand (404): nothing is left that could mislead anyone.
      if (/not found/i.test(String(error))) return document;
      throw error;
    }
    const name = file.name ?? '';
    if (!name.startsWith(VOID_PREFIX)) {
      // Metadata only: no media (null, as Google's samples pass it) and the shared-drive flag.
      const noMedia = null as unknown as GoogleAppsScript.Base.Blob;
      Drive!.Files!.update(
        { name: `${VOID_PREFIX}${name}`, description: reason },
        document.id,
        noMedia,
        { ...options, fields: 'id' },
      );
    }
    // `permissions` is not filled in for files on a shared drive: ask for them there.
    const permissions =
      file.permissions ?? Drive!.Permissions!.list(document.id, options).permissions ?? [];
    for (const permission of permissions) {
      if (permission.role === 'owner' || !permission.id) continue;
      Drive!.Permissions!.remove(document.id, permission.id, options);
    }
    return document;
  }
}
