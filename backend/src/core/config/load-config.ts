import { ConfigError } from '@eslabon/config';
import pino from 'pino';

/** Parses configuration or ends the process with one line naming what is wrong. */
export function loadConfigOrExit<T>(parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    process.stderr.write(`${e.message}\n`);
    process.exit(2);
  }
}

/** Logs a failed start-up as one structured fatal line and ends the process. */
export function exitOnStartupFailure(processName: string): (error: unknown) => never {
  return (error) => {
    pino().fatal({ err: error }, `${processName} failed to start`);
    process.exit(1);
  };
}
