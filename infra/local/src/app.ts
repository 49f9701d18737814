import { ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LaunchError } from './log';
import { run, stopChild, waitFor } from './processes';

export const ROOT = resolve(__dirname, '..', '..', '..');
const NX = join(ROOT, 'node_modules', 'nx', 'dist', 'bin', 'nx.js');
const NX_ENV = { NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };

/** Arguments that run Nx with this Node; results of unchanged projects come from its local cache. */
export function nxCommand(...args: string[]): [string, string[], { cwd: string; env: NodeJS.ProcessEnv }] {
  return [process.execPath, [NX, ...args, '--output-style=static'], { cwd: ROOT, env: { ...process.env, ...NX_ENV } }];
}

/** Builds the API bundle (api, worker, migrate entry points) and the Angular app. */
export function buildApps(): Promise<void> {
  return run(...nxCommand('run-many', '-t', 'build', '-p', 'backend', 'frontend'));
}

/** Runs one of the backend's command entry points (migrate, seed) to completion. */
export function runBackendCommand(command: 'migrate' | 'seed', env: NodeJS.ProcessEnv): Promise<void> {
  return run(process.execPath, [join(ROOT, 'dist', 'backend', `${command}.js`)], { cwd: ROOT, env });
}

export interface RunningApp {
  url: string;
  /** Settles when the API or the worker exits on its own, naming it and its exit code. */
  exited: Promise<string>;
  stop(): Promise<void>;
}

/**
 * Starts the API (which serves the built web app) and one worker, and waits until /api/health
 * reports both healthy: database and Redis up and a heartbeat processed by the worker.
 * `logFile` collects their JSON logs; without it they go to the terminal.
 */
export async function startApp(env: NodeJS.ProcessEnv, port: number, logFile?: string): Promise<RunningApp> {
  const out = logFile ? openSync(logFile, 'w') : 'inherit';
  const spawnNode = (script: string): ChildProcess =>
    spawn(process.execPath, [join(ROOT, 'dist', 'backend', script)], {
      cwd: ROOT,
      env: { ...env, PORT: String(port) },
      stdio: ['ignore', out, out],
    });
  const children = { API: spawnNode('main.js'), worker: spawnNode('worker.js') };
  if (typeof out === 'number') closeSync(out);
  // Whatever way the launcher ends, it leaves neither process behind.
  process.once('exit', () => Object.values(children).forEach((child) => child.kill('SIGTERM')));

  let stopping = false;
  const exited = new Promise<string>((resolve) => {
    for (const [name, child] of Object.entries(children)) {
      child.once('exit', (code, signal) => !stopping && resolve(`${name} exited (${signal ?? `code ${code}`})`));
    }
  });
  const app: RunningApp = {
    url: `http://localhost:${port}`,
    exited,
    stop: async () => {
      stopping = true;
      await Promise.all(Object.values(children).map((child) => stopChild(child)));
    },
  };
  const ready = waitFor(
    'Eslabón (API and worker)',
    async () => ((await (await fetch(`http://127.0.0.1:${port}/api/health`)).json()) as { status: string }).status === 'ok',
    90_000,
  );
  const died = exited.then((why) => {
    throw new LaunchError(`Start-up failed: the ${why}`);
  });
  died.catch(() => undefined);
  try {
    await Promise.race([ready, died]);
  } catch (e) {
    await app.stop();
    throw e;
  }
  return app;
}
