/** Ingest: CSV encodings, extra questions, rejection reasons. */
import { defineMessages } from './define';

export const ingestMessages = defineMessages({
  'zh-CN': {},
  en: {},
});
