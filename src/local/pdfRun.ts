/**
 * `awards --letters DIR --pdf`: the letters just made, converted to PDF beside them by LibreOffice,
 * with progress while it works (a bar on a terminal, a line per letter otherwise) and, at the end,
 * how many PDFs were written and where, or why some were not.
 */
import { basename, dirname, relative } from 'node:path';
import { joinList, t } from '../domain/messages';
import type { Locale } from '../domain/vocabulary';
import { convertAllToPdf, type PdfBatchOptions } from './letters';
import { terminalProgress } from './terminal';

type Out = (line: string) => void;

const FORMAT = 'PDF';

/** A folder as the user would type it, from where the command runs. */
function shown(folder: string): string {
  return relative(process.cwd(), folder) || '.';
}

/**
 * Converts `letters` (paths of .docx files) and reports: progress to `say`, the outcome to `out`.
 * Resolves to the PDFs written.
 */
export async function writePdfs(
  letters: readonly string[],
  locale: Locale,
  out: Out,
  say: Out,
  options: Omit<PdfBatchOptions, 'onConverted'> & { readonly stream?: NodeJS.WriteStream } = {},
): Promise<readonly string[]> {
  if (letters.length === 0) return [];
  const stream = options.stream ?? process.stderr;
  const bar = terminalProgress(stream);
  const label = t(locale, 'letters.pdf.progress', { format: FORMAT });
  const result = await convertAllToPdf(letters, {
    ...options,
    onConverted: (done, total, pdf) => {
      if (stream.isTTY) bar.update(done, total, label);
      else
        say(
          t(locale, 'letters.pdf.converted', { format: FORMAT, done, total, file: basename(pdf) }),
        );
    },
  });
  bar.stop();
  if (result.written.length > 0) {
    const folders = [...new Set(result.written.map((pdf) => shown(dirname(pdf))))];
    out(
      t(locale, 'letters.pdf.written', {
        format: FORMAT,
        count: result.written.length,
        folder: joinList(locale, folders),
      }),
    );
  }
  if (result.failed.length > 0) {
    const reasons = [...new Set(result.failed.map((f) => f.reason))];
    // One cause for all (LibreOffice missing, or its run failing) is said once, as it is.
    if (result.written.length === 0 && reasons.length === 1) {
      out(t(locale, 'letters.pdf.failed', { format: FORMAT, reason: reasons[0]! }));
    } else {
      out(
        t(locale, 'letters.pdf.missing', {
          format: FORMAT,
          count: result.failed.length,
          files: joinList(
            locale,
            result.failed.map((f) => basename(f.file)),
          ),
        }),
      );
    }
  }
  return result.written;
}
