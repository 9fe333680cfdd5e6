/**
 * tel:, sip: and callto: links from the OS (D4). macOS delivers them as 'open-url' (possibly
 * before the app is ready), Windows and Linux as a command-line argument of a second instance
 * (or of the first). Links arriving before main is composed wait until it is.
 */
import { app } from 'electron';

export const DIAL_SCHEMES = ['tel', 'sip', 'callto'] as const;
const LINK = /^(tel|sips?|callto):/i;

export function dialLinkFromArgv(argv: readonly string[]): string | undefined {
  return argv.find((arg) => LINK.test(arg));
}

/** Links from the OS, held until someone is there to open them. */
export interface DialLinks {
  deliverTo(open: (url: string) => void): void;
}

export function listenForDialLinks(): DialLinks {
  let open: ((url: string) => void) | undefined;
  const waiting: string[] = [];
  const receive = (url: string) => (open ? open(url) : waiting.push(url));
  app.on('open-url', (event, url) => {
    event.preventDefault();
    receive(url);
  });
  app.on('second-instance', (_event, argv) => {
    const url = dialLinkFromArgv(argv);
    if (url) receive(url);
  });
  const initial = dialLinkFromArgv(process.argv);
  if (initial) waiting.push(initial);
  for (const scheme of DIAL_SCHEMES) app.setAsDefaultProtocolClient(scheme);
  return {
    deliverTo(next) {
      open = next;
      for (const url of waiting.splice(0)) next(url);
    },
  };
}
