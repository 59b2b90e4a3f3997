/** A Google Forms CSV export through the same ingest as a live form submission. */
import { ingestResponses, type IngestReport } from '../app/ingest';
import { readConfig, type Ports } from '../app/context';
import type { FormName } from '../domain/forms';
import { t } from '../domain/messages';
import { rowProblemField, rowProblemReason } from '../domain/rejectionReasons';
import { decodeCsv } from './csvEncoding';
import { readFormsCsv } from './formsCsv';

/**
 * Ingests one export: the file's bytes (decoded by `decodeCsv`: UTF-8, UTF-16 or GB18030, or
 * refused), or its text when the caller already has it.
 */
export function ingestCsv(
  ports: Ports,
  form: FormName,
  csv: string | Uint8Array,
  fileName: string,
): IngestReport {
  const config = readConfig(ports);
  const decoded =
    typeof csv === 'string'
      ? { text: csv, encoding: 'UTF-8' as const }
      : decodeCsv(csv, fileName, config.locale);
  const read = readFormsCsv(decoded.text, form, {
    rubric: config.defenseRubric,
    dayOrder: config.dateOrder,
    fileName,
  });
  const report = ingestResponses(
    ports,
    read.responses,
    read.problems.map((p) => ({
      form,
      responseId: p.responseId,
      previousIds: p.previousIds,
      submittedAt: p.timestampText,
      reason: t(config.locale, 'ingest.reason.inFile', {
        file: fileName,
        row: p.row,
        reason: rowProblemReason(config.locale, p.problem),
      }),
      field: rowProblemField(p.problem),
      raw: p.raw,
    })),
  );
  if (decoded.encoding === 'UTF-8') return report;
  const note = t(config.locale, 'ingest.encoding.read', {
    file: fileName,
    encoding: decoded.encoding,
  });
  // After the counts line, which stays first.
  const [counts, ...rest] = report.summary;
  return { ...report, summary: [counts!, note, ...rest] };
}
