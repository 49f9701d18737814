/** Launcher output: short human lines prefixed so they stand out from the apps' JSON logs. */
export function say(message: string): void {
  process.stdout.write(`[eslabon] ${message}\n`);
}

/** A problem the user must fix; printed as one line without a stack trace. */
export class LaunchError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}
