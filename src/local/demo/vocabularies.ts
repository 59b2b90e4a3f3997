/** The demo year's words in the workbook's language. */
import type { Locale } from '../../domain/vocabulary';
import { ZH_VOCABULARY, type DemoVocabulary } from './demoVocabulary';
import { EN_VOCABULARY } from './demoVocabularyEn';

export function demoVocabulary(locale: Locale): DemoVocabulary {
  return locale === 'en' ? EN_VOCABULARY : ZH_VOCABULARY;
}
