/** How an area declares its messages (apart from the catalogue, so areas never import it). */
/** One area's messages: the same keys in both languages (checked by the type). */
export interface MessageSet<K extends string = string> {
  readonly 'zh-CN': Readonly<Record<K, string>>;
  readonly en: Readonly<Record<K, string>>;
}

/** Declares an area's messages; the en set must have exactly the zh-CN keys. */
export function defineMessages<K extends string>(set: {
  'zh-CN': Record<K, string>;
  en: Record<NoInfer<K>, string>;
}): MessageSet<K> {
  return set;
}
