/**
 * Free loopback ports for the test servers. There is an unavoidable race between closing the
 * probe socket and the server binding; the launchers retry on "Address already in use".
 */
import dgram from 'node:dgram';
import net from 'node:net';

function listenOnce(server: net.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port, exclusive: true }, () => {
      const addr = server.address();
      if (addr && typeof addr === 'object') resolve(addr.port);
      else reject(new Error('could not read bound port'));
    });
  });
}

function closeServer(server: net.Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

async function udpPortFree(port: number): Promise<boolean> {
  const sock = dgram.createSocket('udp4');
  try {
    await new Promise<void>((resolve, reject) => {
      sock.once('error', reject);
      sock.bind({ address: '127.0.0.1', port, exclusive: true }, () => resolve());
    });
    return true;
  } catch {
    return false;
  } finally {
    await new Promise<void>((resolve) => {
      try {
        sock.close(() => resolve());
      } catch {
        resolve();
      }
    });
  }
}

async function tcpPortFree(port: number): Promise<boolean> {
  const server = net.createServer();
  try {
    await listenOnce(server, port);
    await closeServer(server);
    return true;
  } catch {
    return false;
  }
}

/**
 * A SIP port for baresip: free for UDP and TCP, with the port after it free for TCP as well,
 * because baresip also binds SIP over TLS there (whether or not an account uses it). Checking
 * only the first left the second to chance, in the busy ephemeral range.
 */
export async function pickSipPortAndNext(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const [port] = await pickFreePorts(1, [true]);
    if (port !== undefined && (await tcpPortFree(port + 1))) return port;
  }
  throw new Error('could not find a free SIP port with a free port after it on loopback');
}

/**
 * Picks distinct free loopback ports. With `udpToo` the port is also free for
 * UDP (the SIP port listens on both). There is an unavoidable race between
 * closing our probe socket and kamailio binding; startKamailio retries.
 */
export async function pickFreePorts(count: number, udpToo: boolean[]): Promise<number[]> {
  const ports: number[] = [];
  for (let i = 0; i < count; i++) {
    for (let attempt = 0; ; attempt++) {
      const server = net.createServer();
      const port = await listenOnce(server, 0);
      await closeServer(server);
      if (ports.includes(port)) continue;
      if (udpToo[i] && !(await udpPortFree(port))) {
        if (attempt > 50) throw new Error('could not find a free UDP+TCP loopback port');
        continue;
      }
      ports.push(port);
      break;
    }
  }
  return ports;
}

/**
 * A range of `size` consecutive UDP ports, all free now, for a media server's RTP. Chosen at
 * random below Linux's ephemeral range (32768 and up, where Chromium's ICE sockets live), so
 * two servers of one run, or two runs on one machine, rarely try the same range.
 */
export async function pickUdpPortRange(size: number): Promise<{ min: number; max: number }> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const min = 20_000 + 2 * Math.floor((Math.random() * (12_000 - size)) / 2);
    let free = true;
    for (let port = min; port < min + size && free; port++) free = await udpPortFree(port);
    if (free) return { min, max: min + size - 1 };
  }
  throw new Error(`could not find ${size} free consecutive UDP ports on loopback`);
}
