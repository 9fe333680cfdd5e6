/**
 * Renders UI components to HTML under plain Node for unit tests (no DOM needed): the real
 * components, the real English catalogue, and a fake `window.ccp` that records intents.
 */
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { CcpApi, Contact, DeskState, IntentResult } from '../../../common/contract';
import { CcpContext } from '../app/CcpContext';
import { SettleDelay } from './useSettled';
import '../app/i18n';

export function fakeApi(): CcpApi {
  const ok = (): Promise<IntentResult> => Promise.resolve({ ok: true });
  return {
    state: {
      get: () => Promise.reject(new Error('not in tests')),
      subscribe: () => () => undefined,
    },
    session: { signIn: () => Promise.resolve({ ok: true }), signOut: ok, forgetPassword: ok },
    status: { set: ok },
    contacts: {
      accept: ok,
      reject: ok,
      end: ok,
      clear: ok,
      hold: ok,
      mute: ok,
      sendDtmf: ok,
      consult: ok,
      transfer: ok,
      join: ok,
      swap: ok,
      leave: ok,
      endLeg: ok,
      saveDetails: ok,
      customerLookup: ok,
    },
    calls: { dial: ok },
    chats: { send: ok, attach: ok, typing: ok, read: ok, openLink: ok },
    history: {
      exportCsv: () => Promise.resolve({ ok: false, reason: 'not in tests' }),
      recent: () => Promise.resolve({ entries: [], total: 0 }),
    },
    diagnostics: { export: () => Promise.resolve({ ok: false, reason: 'not in tests' }) },
    profile: { load: () => Promise.resolve({ ok: true }) },
    settings: {
      chooseAudioDevice: ok,
      setRing: ok,
      setLanguage: ok,
      testSound: ok,
      watchMicrophoneLevel: () => () => undefined,
      setRecordingsFolder: ok,
    },
    desktop: { setShortcut: ok, setStartAtLogin: ok, setWidgetAlwaysOnTop: ok },
    recording: { set: ok },
    monitoring: { start: ok },
    deskPhone: { set: ok },
    updates: { restart: ok },
  };
}

/**
 * The markup of `element` as it stands once settled: a new view's controls are available (the
 * first half second's guard is checked with `settleDelayMs`).
 */
export function renderMarkup(element: ReactElement, settleDelayMs = 0): string {
  return renderToStaticMarkup(
    createElement(
      CcpContext,
      { value: fakeApi() },
      createElement(SettleDelay, { value: settleDelayMs }, element),
    ),
  );
}

const VOID_ELEMENTS = new Set(['input', 'br', 'img', 'hr', 'meta', 'link']);

/** The element starting at `open` (index of its `<`): its opening tag and its inner HTML. */
function elementAt(html: string, open: number): { tag: string; inner: string } {
  const close = html.indexOf('>', open);
  const name = /^<([a-z0-9]+)/.exec(html.slice(open))?.[1] ?? '';
  const tag = html.slice(open, close + 1);
  if (VOID_ELEMENTS.has(name) || tag.endsWith('/>')) return { tag, inner: '' };
  // Same-name elements nest (a div in a div): count them to find this one's end.
  const pattern = new RegExp(`<(/?)${name}(?=[\\s>])`, 'g');
  pattern.lastIndex = close + 1;
  let depth = 1;
  for (let match = pattern.exec(html); match; match = pattern.exec(html)) {
    depth += match[1] ? -1 : 1;
    if (depth === 0) return { tag, inner: html.slice(close + 1, match.index) };
  }
  return { tag, inner: html.slice(close + 1) };
}

/** The opening tag and text of the first element carrying `data-testid="<testId>"`. */
export function byTestId(html: string, testId: string): { tag: string; text: string } | undefined {
  const at = html.indexOf(`data-testid="${testId}"`);
  if (at < 0) return undefined;
  const { tag, inner } = elementAt(html, html.lastIndexOf('<', at));
  return { tag, text: textOf(inner).trim() };
}

/** Every button: its opening tag and its text. */
export function buttons(html: string): Array<{ tag: string; text: string }> {
  const found: Array<{ tag: string; text: string }> = [];
  for (let at = html.indexOf('<button'); at >= 0; at = html.indexOf('<button', at + 1)) {
    const { tag, inner } = elementAt(html, at);
    found.push({ tag, text: textOf(inner).trim() });
  }
  return found;
}

/** The group with this accessible name (role="group" aria-label="…"): its inner HTML. */
export function group(html: string, name: string): string | undefined {
  const at = html.indexOf(`role="group" aria-label="${name}"`);
  if (at < 0) return undefined;
  return elementAt(html, html.lastIndexOf('<', at)).inner;
}

/** Text of the markup: tags removed, the entities React writes decoded, spaces collapsed. */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

const NOW = 1_700_000_000_000;

export function connectedContact(overrides: Partial<Contact> = {}): Contact {
  return {
    id: 'c1',
    channel: 'voice',
    direction: 'inbound',
    state: 'connected',
    peer: { number: '+17345550100', displayName: 'Jane Customer' },
    createdAt: NOW - 60_000,
    stateSince: NOW - 50_000,
    connectedAt: NOW - 50_000,
    hold: 'none',
    muted: false,
    details: { notes: '' },
    ...overrides,
  };
}

export const OPTIONS: DeskState['contactOptions'] = {
  transfer: true,
  conference: true,
  wrapUpCodes: [
    { id: 'resolved', label: 'Resolved' },
    { id: 'escalated', label: 'Escalated' },
  ],
  wrapUpRequired: false,
};
