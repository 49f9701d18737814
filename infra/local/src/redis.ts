import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { connect } from 'node:net';
import { RunningService } from './postgres';
import { freePort, stopChild, waitFor } from './processes';
import { ensureSystemPackage } from './system-packages';

function pong(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.write('PING\r\n'));
    socket.setTimeout(1000, () => socket.destroy());
    socket.on('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
    socket.on('error', () => resolve(false));
    socket.on('close', () => resolve(false));
  });
}

/** A redis-server of the project's own on a free loopback port, with its files in `dataDir`. */
export async function startRedis(dataDir: string, options: { persistent: boolean }): Promise<RunningService> {
  await ensureSystemPackage('redis-server', ['redis-server'], 'the job queues (or set REDIS_URL to a running Redis)');
  mkdirSync(dataDir, { recursive: true });
  const port = await freePort();
  const child = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dataDir,
      '--logfile',
      'redis.log',
      '--save',
      '',
      '--appendonly',
      options.persistent ? 'yes' : 'no',
      '--daemonize',
      'no',
    ],
    // Its own process group: Ctrl-C reaches the launcher, which stops Redis after the apps.
    { stdio: 'ignore', detached: true },
  );
  // Whatever way the launcher ends, it leaves no Redis behind.
  process.once('exit', () => child.kill('SIGTERM'));
  await waitFor('redis-server', () => pong(port), 15_000, child);
  return { url: `redis://127.0.0.1:${port}`, stop: () => stopChild(child) };
}
