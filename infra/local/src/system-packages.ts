import { LaunchError, say } from './log';
import { commandExists, run } from './processes';

/**
 * Makes sure a system program is installed. As root on Debian/Ubuntu it installs the
 * package with apt-get and says so; anywhere else it stops with the exact command to run.
 */
export async function ensureSystemPackage(binary: string, packages: string[], purpose: string): Promise<void> {
  if (commandExists(binary)) return;
  const install = `apt-get install -y --no-install-recommends ${packages.join(' ')}`;
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !commandExists('apt-get')) {
    throw new LaunchError(`${binary} is needed for ${purpose} but is not installed. Install it with: sudo ${install}`);
  }
  say(`${binary} is not installed: installing ${packages.join(', ')} with apt-get (needed for ${purpose})`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await run('apt-get', ['update', '-qq'], { env });
  await run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { env });
  if (!commandExists(binary)) throw new LaunchError(`apt-get installed ${packages.join(', ')} but ${binary} is still not on PATH`);
}
