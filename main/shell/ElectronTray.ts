/**
 * The tray icon in Electron: renders a TrayView (main/desktop/trayView) as Electron's Tray and
 * Menu, in the agent's language, and hands a chosen item back as its TrayAction.
 * The image is drawn in code (trayBitmap) at 1x and 2x.
 */
import { Menu, nativeImage, Tray, type MenuItemConstructorOptions } from 'electron';
import { desktopWords, type DesktopLanguage } from '../desktop/desktopText';
import { trayBitmap } from '../desktop/trayBitmap';
import type { TrayAction, TrayIcon, TrayView } from '../desktop/trayView';

function trayImage(icon: TrayIcon): Electron.NativeImage {
  const image = nativeImage.createFromBitmap(trayBitmap(icon, 16), { width: 16, height: 16 });
  image.addRepresentation({
    scaleFactor: 2,
    width: 32,
    height: 32,
    buffer: trayBitmap(icon, 32),
  });
  return image;
}

export class ElectronTray {
  private tray: Tray | undefined;

  constructor(
    private readonly language: DesktopLanguage,
    private readonly chose: (action: TrayAction) => void,
    /** A click on the icon itself (Windows, most Linux trays): the CCP comes up. */
    private readonly clicked: () => void,
  ) {}

  /** False until the first view is shown, and where the desktop has no tray at all. */
  get shown(): boolean {
    return this.tray !== undefined && !this.tray.isDestroyed();
  }

  show(view: TrayView): void {
    const words = (text: Parameters<typeof desktopWords>[0]) => desktopWords(text, this.language);
    if (!this.tray) {
      try {
        this.tray = new Tray(trayImage(view.icon));
        this.tray.on('click', () => this.clicked());
      } catch {
        // No tray on this desktop (GNOME without the AppIndicator extension): the window is
        // minimized instead of hidden (closeDecision), so the app stays reachable.
        return;
      }
    }
    const tray = this.tray;
    tray.setImage(trayImage(view.icon));
    const missed =
      view.missed > 0 ? ` (${words({ key: 'tray.missed', values: { count: view.missed } })})` : '';
    tray.setToolTip(`${words(view.tooltip)}${missed}`);
    // macOS shows text next to the icon: the missed count is the badge there.
    if (process.platform === 'darwin') tray.setTitle(view.missed > 0 ? String(view.missed) : '');
    const template: MenuItemConstructorOptions[] = view.menu.map((entry) =>
      entry.kind === 'separator'
        ? { type: 'separator' }
        : {
            id: entry.id,
            label: words(entry.label),
            ...(entry.checked === undefined ? {} : { type: 'radio', checked: entry.checked }),
            click: () => this.chose(entry.action),
          },
    );
    tray.setContextMenu(Menu.buildFromTemplate(template));
  }

  destroy(): void {
    this.tray?.destroy();
    this.tray = undefined;
  }
}
