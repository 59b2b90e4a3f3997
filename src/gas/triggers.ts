/**
 * Installing triggers idempotently: the wanted set (one form-submit trigger per form, one daily
 * clock trigger) is compared with what exists by handler, event and source; missing ones are
 * created, extra copies deleted, nothing else touched.
 */
export const SUBMIT_HANDLER = 'onFormSubmitTrigger';
export const DAILY_HANDLER = 'dailyTrigger';
export const CONTINUE_LETTERS_HANDLER = 'continueLetters';

interface Wanted {
  readonly handler: string;
  readonly event: GoogleAppsScript.Script.EventType;
  readonly sourceId: string | null;
  create(): GoogleAppsScript.Script.Trigger;
}

function keyOf(
  handler: string,
  event: GoogleAppsScript.Script.EventType,
  sourceId: string | null,
): string {
  return `${handler}|${String(event)}|${sourceId ?? ''}`;
}

export function installTriggers(
  formIds: readonly string[],
  dailyHour = 6,
): { created: number; removed: number; kept: number } {
  const wanted: Wanted[] = [
    ...formIds.map((id) => ({
      handler: SUBMIT_HANDLER,
      event: ScriptApp.EventType.ON_FORM_SUBMIT,
      sourceId: id,
      create: () => ScriptApp.newTrigger(SUBMIT_HANDLER).forForm(id).onFormSubmit().create(),
    })),
    {
      handler: DAILY_HANDLER,
      event: ScriptApp.EventType.CLOCK,
      sourceId: null,
      create: () =>
        ScriptApp.newTrigger(DAILY_HANDLER).timeBased().everyDays(1).atHour(dailyHour).create(),
    },
  ];
  const wantedKeys = new Map(wanted.map((w) => [keyOf(w.handler, w.event, w.sourceId), w]));
  const seen = new Set<string>();
  let removed = 0;
  let kept = 0;
  for (const trigger of ScriptApp.getProjectTriggers()) {
    const handler = trigger.getHandlerFunction();
    if (handler !== SUBMIT_HANDLER && handler !== DAILY_HANDLER) continue;
    const event = trigger.getEventType();
    const key = keyOf(
      handler,
      event,
      event === ScriptApp.EventType.CLOCK ? null : trigger.getTriggerSourceId(),
    );
    if (!wantedKeys.has(key) || seen.has(key)) {
      ScriptApp.deleteTrigger(trigger);
      removed++;
    } else {
      seen.add(key);
      kept++;
    }
  }
  let created = 0;
  for (const [key, w] of wantedKeys) {
    if (!seen.has(key)) {
      w.create();
      created++;
    }
  }
  return { created, removed, kept };
}
