/**
 * The words the desktop shows outside the UI pages: the tray's tooltip and menu, and the OS
 * notifications. Main builds these views, so they cannot use the UI's i18next bundle (main
 * never imports the renderer); this small table covers the same four languages (G4), and
 * every key must exist in each of them (a missing one is a type error).
 */
import type { AgentStatusDefinition, LocalizedLabels } from '../../common/contract';

export const DESKTOP_LANGUAGES = ['en', 'zh-CN', 'ja', 'it'] as const;
export type DesktopLanguage = (typeof DESKTOP_LANGUAGES)[number];

const EN = {
  'tray.signedOut': 'OpenCCP: signed out',
  'tray.connectionLost': 'OpenCCP: connection lost, calls cannot reach you',
  'tray.status': 'OpenCCP: {status}',
  'tray.offer': 'OpenCCP: incoming call from {caller}',
  'tray.onContact': 'OpenCCP: on a call with {caller}',
  'tray.missed': '{count} missed',
  'tray.accept': 'Accept call from {caller}',
  'tray.reject': 'Reject call from {caller}',
  'tray.end': 'End call with {caller}',
  'tray.mute': 'Mute',
  'tray.unmute': 'Unmute',
  'tray.showCcp': 'Show CCP',
  'tray.showWidget': 'Show mini window',
  'tray.quit': 'Quit OpenCCP',
  'status.available': 'Available',
  'status.offline': 'Offline',
  'status.break': 'Break',
  'status.lunch': 'Lunch',
  'status.training': 'Training',
  'notify.offer.voice': 'Incoming call',
  'notify.offer.callback': 'Callback incoming',
  'notify.offer.chat': 'Incoming chat',
  'notify.caller': 'From {caller}',
  'notify.queue': 'Queue: {queue}',
  'notify.countdown': 'Answer within {seconds} seconds',
  'notify.missed.voice': 'Missed call',
  'notify.missed.chat': 'Missed chat',
  'notify.accept': 'Accept',
  'notify.reject': 'Reject',
  'notify.inTray.title': 'OpenCCP is still running',
  'notify.inTray.body':
    'You are still signed in and calls still reach you. Quit from the tray icon to sign out.',
} as const;

export type DesktopTextKey = keyof typeof EN;
type Table = Record<DesktopTextKey, string>;

const ZH: Table = {
  'tray.signedOut': 'OpenCCP：已退出登录',
  'tray.connectionLost': 'OpenCCP：连接已断开，来电无法接通',
  'tray.status': 'OpenCCP：{status}',
  'tray.offer': 'OpenCCP：{caller} 来电',
  'tray.onContact': 'OpenCCP：正在与 {caller} 通话',
  'tray.missed': '{count} 个未接',
  'tray.accept': '接听 {caller} 的来电',
  'tray.reject': '拒接 {caller} 的来电',
  'tray.end': '结束与 {caller} 的通话',
  'tray.mute': '静音',
  'tray.unmute': '取消静音',
  'tray.showCcp': '显示 CCP',
  'tray.showWidget': '显示迷你窗口',
  'tray.quit': '退出 OpenCCP',
  'status.available': '可用',
  'status.offline': '离线',
  'status.break': '休息',
  'status.lunch': '午餐',
  'status.training': '培训',
  'notify.offer.voice': '来电',
  'notify.offer.callback': '回拨来电',
  'notify.offer.chat': '新聊天',
  'notify.caller': '来自 {caller}',
  'notify.queue': '队列：{queue}',
  'notify.countdown': '请在 {seconds} 秒内接听',
  'notify.missed.voice': '未接来电',
  'notify.missed.chat': '未接聊天',
  'notify.accept': '接听',
  'notify.reject': '拒接',
  'notify.inTray.title': 'OpenCCP 仍在运行',
  'notify.inTray.body': '您仍处于登录状态，仍会收到来电。请从托盘图标退出以注销。',
};

const JA: Table = {
  'tray.signedOut': 'OpenCCP：サインアウト中',
  'tray.connectionLost': 'OpenCCP：接続が切れています。着信を受けられません',
  'tray.status': 'OpenCCP：{status}',
  'tray.offer': 'OpenCCP：{caller} から着信中',
  'tray.onContact': 'OpenCCP：{caller} と通話中',
  'tray.missed': '不在着信 {count} 件',
  'tray.accept': '{caller} からの着信に応答',
  'tray.reject': '{caller} からの着信を拒否',
  'tray.end': '{caller} との通話を終了',
  'tray.mute': 'ミュート',
  'tray.unmute': 'ミュート解除',
  'tray.showCcp': 'CCP を表示',
  'tray.showWidget': 'ミニウィンドウを表示',
  'tray.quit': 'OpenCCP を終了',
  'status.available': '対応可能',
  'status.offline': 'オフライン',
  'status.break': '休憩',
  'status.lunch': '昼食',
  'status.training': 'トレーニング',
  'notify.offer.voice': '着信',
  'notify.offer.callback': 'コールバックの着信',
  'notify.offer.chat': 'チャットの着信',
  'notify.caller': '発信者：{caller}',
  'notify.queue': 'キュー：{queue}',
  'notify.countdown': '{seconds} 秒以内に応答してください',
  'notify.missed.voice': '不在着信',
  'notify.missed.chat': '応答しなかったチャット',
  'notify.accept': '応答',
  'notify.reject': '拒否',
  'notify.inTray.title': 'OpenCCP は実行中です',
  'notify.inTray.body':
    'サインインしたままで、着信も届きます。サインアウトするにはトレイアイコンから終了してください。',
};

const IT: Table = {
  'tray.signedOut': 'OpenCCP: disconnesso',
  'tray.connectionLost': 'OpenCCP: connessione persa, le chiamate non ti raggiungono',
  'tray.status': 'OpenCCP: {status}',
  'tray.offer': 'OpenCCP: chiamata in arrivo da {caller}',
  'tray.onContact': 'OpenCCP: in chiamata con {caller}',
  'tray.missed': '{count} perse',
  'tray.accept': 'Accetta la chiamata di {caller}',
  'tray.reject': 'Rifiuta la chiamata di {caller}',
  'tray.end': 'Termina la chiamata con {caller}',
  'tray.mute': 'Silenzia',
  'tray.unmute': 'Riattiva audio',
  'tray.showCcp': 'Mostra CCP',
  'tray.showWidget': 'Mostra mini finestra',
  'tray.quit': 'Esci da OpenCCP',
  'status.available': 'Disponibile',
  'status.offline': 'Offline',
  'status.break': 'Pausa',
  'status.lunch': 'Pranzo',
  'status.training': 'Formazione',
  'notify.offer.voice': 'Chiamata in arrivo',
  'notify.offer.callback': 'Richiamata in arrivo',
  'notify.offer.chat': 'Chat in arrivo',
  'notify.caller': 'Da {caller}',
  'notify.queue': 'Coda: {queue}',
  'notify.countdown': 'Rispondi entro {seconds} secondi',
  'notify.missed.voice': 'Chiamata persa',
  'notify.missed.chat': 'Chat persa',
  'notify.accept': 'Accetta',
  'notify.reject': 'Rifiuta',
  'notify.inTray.title': 'OpenCCP è ancora in esecuzione',
  'notify.inTray.body':
    'Sei ancora connesso e le chiamate ti raggiungono. Esci dall’icona nell’area di notifica per disconnetterti.',
};

const TABLES: Record<DesktopLanguage, Table> = { en: EN, 'zh-CN': ZH, ja: JA, it: IT };

/** A value put into a text: plain text (a caller, a count) or words of its own (a status). */
export type DesktopValue = string | number | DesktopText;

/** A piece of desktop text: a key with its values, or a profile's label (never translated). */
export type DesktopText =
  | { key: DesktopTextKey; values?: Readonly<Record<string, DesktopValue>> }
  | { label: string; labels?: LocalizedLabels | undefined };

/** The OS locale ("it-IT", "zh-Hans-CN", "ja") to one of the four languages, English otherwise. */
export function desktopLanguage(locale: string): DesktopLanguage {
  const lower = locale.toLowerCase();
  if (lower.startsWith('zh')) return 'zh-CN';
  if (lower.startsWith('ja')) return 'ja';
  if (lower.startsWith('it')) return 'it';
  return 'en';
}

/** The words for `text` in `language`; values are inserted as given (they are plain text). */
export function desktopWords(text: DesktopText, language: DesktopLanguage): string {
  if ('label' in text) {
    const own = text.labels?.[language];
    return own ?? text.label;
  }
  const template = TABLES[language][text.key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = text.values && Object.hasOwn(text.values, name) ? text.values[name] : undefined;
    if (value === undefined) return whole;
    return typeof value === 'object' ? desktopWords(value, language) : String(value);
  });
}

/** A status as the agent knows it: the app's own ones translated, a profile's as IT named it. */
export function statusText(status: AgentStatusDefinition): DesktopText {
  if (status.kind === 'available') return { key: 'status.available' };
  if (status.kind === 'offline') return { key: 'status.offline' };
  if (status.preset) return { key: `status.${status.preset}` };
  return { label: status.label, labels: status.labels };
}

/** Every key in every language, for the test that keeps the tables complete. */
export const desktopTables: Readonly<Record<DesktopLanguage, Readonly<Table>>> = TABLES;
