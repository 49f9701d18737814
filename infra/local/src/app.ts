import { ChildProcess, spawn } from 'node:child_process';
import { openSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { run, stopChild, waitFor } from './processes';

export const ROOT = resolve(__dirname, '..', '..', '..');
const NX = join(ROOT, 'node_modules', 'nx', 'dist', 'bin', 'nx.js');

export interface RunningApp {
  url: string;
  api: ChildProcess;
  worker: ChildProcess;
  stop(): Promise<void>;
}

export const NX_ENV = { NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };

/** Arguments that run Nx with this Node; results of unchanged projects come from its local cache. */
export function nxCommand(...args: string[]): [string, string[], { cwd: string; env: NodeJS.ProcessEnv }] {
  return [process.execPath, [NX, ...args, '--output-style=static'], { cwd: ROOT, env: { ...process.env, ...NX_ENV } }];
}

/** Builds the API bundle (api, worker, migrate entry points) and the Angular app. */
export function buildApps(): Promise<void> {
  return run(...nxCommand('run-many', '-t', 'build', '-p', 'backend', 'frontend'));
}

export function migrate(env: NodeJS.ProcessEnv): Promise<void> {
  return run(process.execPath, [join(ROOT, 'dist', 'backend', 'migrate.js')], { cwd: ROOT, env });
}

/**
 * Starts the API (which serves the built web app) and one worker, and waits until
 * /api/health answers 200. `logFile` collects their JSON logs; without it they go to the terminal.
 */
export async function startApp(env: NodeJS.ProcessEnv, port: number, logFile?: string): Promise<RunningApp> {
  const out = logFile ? openSync(logFile, 'a') : 'inherit';
  const options = { cwd: ROOT, env: { ...env, PORT: String(port) }, stdio: ['ignore', out, out] as ['ignore', typeof out, typeof out] };
  const api = spawn(process.execPath, [join(ROOT, 'dist', 'backend', 'main.js')], options);
  const worker = spawn(process.execPath, [join(ROOT, 'dist', 'backend', 'worker.js')], options);
  process.once('exit', () => {
    api.kill('SIGTERM');
    worker.kill('SIGTERM');
  });
  const app: RunningApp = {
    url: `http://localhost:${port}`,
    api,
    worker,
    stop: async () => {
      await Promise.all([stopChild(api), stopChild(worker)]);
    },
  };
  try {
    await waitFor('The API', async () => (await fetch(`http://127.0.0.1:${port}/api/health`)).status === 200, 60_000, api);
  } catch (e) {
    await app.stop();
    throw e;
  }
  return app;
}
