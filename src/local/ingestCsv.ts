/** A Google Forms CSV export through the same ingest as a live form submission. */
import { ingestResponses, type IngestReport } from '../app/ingest';
import { readConfig, type Ports } from '../app/context';
import type { FormName } from '../domain/forms';
import { readFormsCsv } from './formsCsv';

export function ingestCsv(
  ports: Ports,
  form: FormName,
  csv: string,
  fileName: string,
): IngestReport {
  const config = readConfig(ports);
  const read = readFormsCsv(csv, form, {
    rubric: config.defenseRubric,
    dayOrder: config.dateOrder,
    fileName,
  });
  return ingestResponses(
    ports,
    read.responses,
    read.problems.map((p) => ({
      form,
      responseId: p.responseId,
      previousIds: p.previousIds,
      submittedAt: p.timestampText,
      reason: p.message,
      payload: JSON.stringify(p.raw, null, 1),
    })),
  );
}
