/**
 * OS notifications in Electron: a DesktopNotification (main/desktop/NotificationPlanner) as
 * Electron's Notification, in the agent's language. Accept and Reject are buttons on Windows
 * (the app user model id is set in main/index.ts, without which Windows shows nothing) and
 * macOS; Linux notifications have no buttons through Electron, so a click brings up the CCP
 * (docs/desktop.md). Notifications never take the focus: showing one does not activate the app.
 */
import { Notification } from 'electron';
import { desktopWords, type DesktopLanguage } from '../desktop/desktopText';
import type { DesktopNotification, NotificationChoice } from '../desktop/NotificationPlanner';

export class ElectronNotifications {
  private readonly open = new Map<string, Notification>();

  constructor(
    private readonly language: DesktopLanguage,
    private readonly chose: (id: string, choice: NotificationChoice) => void,
  ) {}

  show(notification: DesktopNotification): void {
    if (!Notification.isSupported()) return;
    this.close(notification.id);
    const words = (text: Parameters<typeof desktopWords>[0]) => desktopWords(text, this.language);
    const shown = new Notification({
      id: notification.id,
      title: words(notification.title),
      body: notification.body.map(words).join('\n'),
      // The ringer already rings on the ringer device; a second sound would only blur it.
      silent: true,
      timeoutType: notification.sticky ? 'never' : 'default',
      urgency: notification.sticky ? 'critical' : 'normal',
      actions: notification.actions.map((action) => ({
        type: 'button' as const,
        text: words({ key: action === 'accept' ? 'notify.accept' : 'notify.reject' }),
      })),
    });
    shown.on('action', (event) => {
      const action = notification.actions[event.actionIndex];
      if (action) this.chose(notification.id, action);
    });
    shown.on('click', () => this.chose(notification.id, 'click'));
    shown.on('close', () => {
      if (this.open.get(notification.id) === shown) this.open.delete(notification.id);
    });
    this.open.set(notification.id, shown);
    shown.show();
  }

  close(id: string): void {
    const shown = this.open.get(id);
    this.open.delete(id);
    shown?.close();
  }
}
