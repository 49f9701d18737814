import { ConfigError } from '@eslabon/config';

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
