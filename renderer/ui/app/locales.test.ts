import { describe, expect, it } from 'vitest';
import en from '../locales/en.json';
import it_ from '../locales/it.json';
import ja from '../locales/ja.json';
import zhCN from '../locales/zh-CN.json';

type Catalogue = { [key: string]: string | Catalogue };
const CATALOGUES: Record<string, Catalogue> = { en, 'zh-CN': zhCN, ja, it: it_ };

function flatten(catalogue: Catalogue, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [inner, text] of flatten(value, `${prefix}${key}.`)) out.set(inner, text);
  }
  return out;
}

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{\{\s*(\w+)/g)].map((match) => match[1]!).sort();

const english = flatten(en);

describe.each(['zh-CN', 'ja', 'it'])('%s catalogue', (language) => {
  const catalogue = flatten(CATALOGUES[language]!);

  it('has exactly the English keys', () => {
    expect([...catalogue.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('uses the same placeholders as English in every message', () => {
    for (const [key, text] of english)
      expect({ key, names: placeholders(catalogue.get(key) ?? '') }).toEqual({
        key,
        names: placeholders(text),
      });
  });

  it('translates the in-call, transfer and wrap-up messages (no English copies)', () => {
    // Figures and units read the same in every language ("MOS {{value}}", "jitter … ms").
    const sameEverywhere = new Set(['quality.mos', 'quality.separator', 'quality.jitter']);
    const copied = [...english]
      .filter(([key]) => /^(call|party|transfer|details|dtmf|quality)\./.test(key))
      .filter(([key, text]) => !sameEverywhere.has(key) && catalogue.get(key) === text)
      .map(([key]) => key);
    expect(copied).toEqual([]);
  });
});
