/**
 * A small debug view of what the desktop shows outside the pages: the tray (icon colour,
 * tooltip, missed count, menu) and the OS notifications, rendered from the very models the
 * shell renders (TrayView, DesktopNotification) in a language, so a test can screenshot them
 * for the README and axe can check the view like any screen.
 */
import type { Page } from '@playwright/test';
import type { DesktopLanguage } from '../../main/desktop/desktopText';
import { desktopWords } from '../../main/desktop/desktopText';
import type { DesktopNotification } from '../../main/desktop/NotificationPlanner';
import { TRAY_COLORS } from '../../main/desktop/trayBitmap';
import type { TrayView } from '../../main/desktop/trayView';

const escape = (text: string) =>
  text.replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c,
  );

export async function showDesktopModels(
  page: Page,
  tray: TrayView,
  notifications: readonly DesktopNotification[],
  language: DesktopLanguage = 'en',
): Promise<void> {
  const words = (text: Parameters<typeof desktopWords>[0]) => escape(desktopWords(text, language));
  const [red, green, blue] = TRAY_COLORS[tray.icon];
  const menu = tray.menu
    .map((entry) =>
      entry.kind === 'separator'
        ? '<li><hr></li>'
        : `<li>${entry.checked ? '&#9679; ' : ''}${words(entry.label)}</li>`,
    )
    .join('');
  const toasts = notifications
    .map(
      (n) =>
        `<article class="toast"><h2>${words(n.title)}</h2>${n.body
          .map((line) => `<p>${words(line)}</p>`)
          .join('')}<p class="buttons">${n.actions
          .map(
            (a) =>
              `<span class="b">${words({ key: a === 'accept' ? 'notify.accept' : 'notify.reject' })}</span>`,
          )
          .join(' ')}</p></article>`,
    )
    .join('');
  await page.setContent(`<!doctype html><html lang="${language}"><head><title>OpenCCP desktop models</title>
<style>body{font:14px system-ui,sans-serif;margin:12px;color:#111}h1{font-size:15px}
.tray{display:flex;gap:8px;align-items:center}.dot{width:16px;height:16px;border-radius:50%;background:rgb(${red},${green},${blue})}
ul{list-style:none;padding:4px 0;margin:6px 0;border:1px solid #888;width:280px;background:#fafafa}li{padding:3px 10px}hr{border:0;border-top:1px solid #bbb}
.toast{border:1px solid #888;border-radius:6px;padding:6px 10px;margin:8px 0;width:300px;background:#f4f4f8}.toast h2{font-size:14px;margin:0 0 4px}
.toast p{margin:2px 0}.b{display:inline-block;border:1px solid #555;border-radius:4px;padding:2px 10px;margin-top:4px}</style></head>
<body><main><h1>Tray</h1><div class="tray"><span class="dot" role="img" aria-label="${escape(tray.icon)}"></span>
<span>${words(tray.tooltip)}${tray.missed ? ` (${words({ key: 'tray.missed', values: { count: tray.missed } })})` : ''}</span></div>
<ul aria-label="Tray menu">${menu}</ul><h1>Notifications</h1>${toasts}</main></body></html>`);
}
