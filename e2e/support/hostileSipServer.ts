/**
 * A SIP server over WebSocket written by hand, for what no real server sends: it accepts the
 * agent's REGISTER (200, no challenge), then the test makes it send anything at all down the
 * agent's connection (RFC 4475's torture messages) and a good INVITE after them.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface HostileSipServer {
  /** ws://127.0.0.1:<port>/ */
  readonly url: string;
  /** Everything the agent's engine sent, one WebSocket message each. */
  readonly received: string[];
  /** Resolves once the agent registered; then `send` reaches it. */
  registered(): Promise<void>;
  /** Sends one WebSocket message, as is, to the registered agent. */
  send(message: string): void;
  close(): Promise<void>;
}

function header(message: string, name: string, compact?: string): string | undefined {
  const names = [name, ...(compact ? [compact] : [])].map((n) => n.toLowerCase());
  return message
    .split('\r\n')
    .find((line) => names.includes(line.slice(0, line.indexOf(':')).trim().toLowerCase()));
}

/** The 200 OK a registrar sends back, echoing the request's transaction headers. */
function registerOk(request: string): string {
  const keep = ['Via', 'From', 'Call-ID', 'CSeq'].map((name) => header(request, name));
  const to = header(request, 'To') ?? 'To: <sip:unknown@invalid>';
  const contact = header(request, 'Contact', 'm');
  return [
    'SIP/2.0 200 OK',
    ...request.split('\r\n').filter((line) => /^via\s*:/i.test(line)),
    ...keep.slice(1).filter((line): line is string => line !== undefined),
    `${to};tag=${randomBytes(4).toString('hex')}`,
    ...(contact ? [`${contact};expires=600`] : []),
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n');
}

export async function startHostileSipServer(): Promise<HostileSipServer> {
  const server = new WebSocketServer({
    host: '127.0.0.1',
    port: 0,
    handleProtocols: (protocols) => (protocols.has('sip') ? 'sip' : false),
  });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  const received: string[] = [];
  let agent: WebSocket | undefined;
  let onRegistered: (() => void) | undefined;
  const registered = new Promise<void>((resolve) => (onRegistered = resolve));

  server.on('connection', (socket) => {
    socket.on('message', (data) => {
      const message = data.toString();
      received.push(message);
      if (/^REGISTER /.test(message)) {
        agent = socket;
        socket.send(registerOk(message));
        onRegistered?.();
      }
    });
  });

  return {
    url: `ws://127.0.0.1:${port}/`,
    received,
    registered: () => registered,
    send(message) {
      if (!agent) throw new Error('hostile server: the agent has not registered');
      agent.send(message);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}
