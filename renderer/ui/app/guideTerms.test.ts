/**
 * The words on the controls are the agent guides' words (shared/seeds: the university's agent
 * guide and the Amazon Connect CCP documentation in English, Chinese, Japanese and Italian), so
 * training material matches the screen. Each expectation names the guide's term.
 */
import { describe, expect, it } from 'vitest';
import en from '../locales/en.json';
import it_ from '../locales/it.json';
import ja from '../locales/ja.json';
import zhCN from '../locales/zh-CN.json';

type Catalogue = typeof en;
const lookup = (catalogue: Catalogue, key: string): unknown =>
  key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], catalogue);

const GUIDE_TERMS: Record<string, [Catalogue, Record<string, string>]> = {
  en: [
    en,
    {
      // University guide: "click 'Accept Call'", "Close Contact" (missed), "Clear Contact"
      // (ACW), "Quick Connects", "Log out"; CCP documentation: "Leave call", "Join", "Swap".
      'contact.accept': 'Accept call',
      'contact.reject': 'Reject',
      'contact.close': 'Close contact',
      'contact.clear': 'Clear contact',
      'contact.end': 'End call',
      'call.leave': 'Leave call',
      'call.join': 'Join',
      'call.swap': 'Swap',
      'call.holdAll': 'Hold all',
      'transfer.title': 'Quick connects',
      'quickConnects.title': 'Quick connects',
      'header.signOut': 'Log out',
    },
  ],
  ja: [
    ja,
    {
      // CCP ユーザーガイド: [通話を受信] [通話を終了] [通話から離れる] [参加] [切り替え]
      // [すべて保留]、クイック接続。
      'contact.accept': '通話を受信',
      'contact.end': '通話を終了',
      'call.leave': '通話から離れる',
      'call.join': '参加',
      'call.swap': '切り替え',
      'call.holdAll': 'すべて保留',
      'transfer.title': 'クイック接続',
      'header.signOut': 'ログアウト',
    },
  ],
  it: [
    it_,
    {
      // Connessioni rapide: "il pulsante Connessione rapida", "Metti tutto in attesa",
      // "End call (Termina chiamata)".
      'transfer.title': 'Connessione rapida',
      'quickConnects.title': 'Connessioni rapide',
      'call.holdAll': 'Metti tutto in attesa',
      'contact.end': 'Termina chiamata',
    },
  ],
  'zh-CN': [
    zhCN,
    {
      // 坐席基本功能设置: 接听, *Quick Connect* (快速连接), *Leave* 离开.
      'contact.accept': '接听',
      'call.leave': '离开',
      'transfer.title': '快速连接',
    },
  ],
};

describe.each(Object.keys(GUIDE_TERMS))('%s: the guide’s words on the controls', (language) => {
  const [catalogue, terms] = GUIDE_TERMS[language]!;
  it.each(Object.entries(terms))('%s reads "%s"', (key, term) => {
    expect(lookup(catalogue, key)).toBe(term);
  });
});
