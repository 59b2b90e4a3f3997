/**
 * Letters as Google Docs: copy the template (Drive), fill every placeholder in one Docs
 * `batchUpdate` of literal `replaceAllText` requests, share view-only with the narrowest access
 * the Config allows. Three calls a letter.
 */
import type { LetterSharing } from '../domain/config';
import { placeholderToken } from '../domain/letterFields';
import type { DocumentMaker, MadeDocument } from '../ports';

export interface DocsMakerOptions {
  readonly templateId: string;
  readonly folderId: string | null;
  readonly sharing: LetterSharing;
  /** The Workspace domain, for `domain` sharing. */
  readonly domain: string | null;
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
      this.sharingNote = `letters kept private: link sharing was refused (${String(error).slice(0, 160)})`;
    }
  }
}
