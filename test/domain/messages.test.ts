import { joinList, messageKeys, t } from '../../src/domain/messages';

describe('message catalogue', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('en', 'common.more', { count: 3 })).toBe('… 3 more');
    expect(t('zh-CN', 'common.more', { count: 3 })).toBe('……另有 3 条');
    expect(t('en', 'common.more')).toBe('… {count} more');
  });

  it('has every key in both languages, and no Latin words in the Chinese texts', () => {
    for (const key of messageKeys()) {
      const zh = t('zh-CN', key as never);
      const en = t('en', key as never);
      expect(zh).not.toBe(key);
      expect(en).not.toBe(key);
      // Placeholders, ids and commands are allowed; English words are not.
      const words = zh
        .replace(/\{\w+\}/g, '')
        .replace(/`[^`]*`/g, '')
        .match(/[A-Za-z]{3,}/g);
      expect({ key, words }).toEqual({ key, words: null });
      expect(new Set(zh.match(/\{\w+\}/g))).toEqual(new Set(en.match(/\{\w+\}/g)));
    }
  });

  it('joins lists the way each language does', () => {
    expect(joinList('zh-CN', ['甲', '乙'])).toBe('甲、乙');
    expect(joinList('en', ['a', 'b'])).toBe('a, b');
  });
});
