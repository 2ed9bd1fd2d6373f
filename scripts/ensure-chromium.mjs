// Makes sure the browser tests have a Chromium. On Debian/Ubuntu as root (a fresh CI machine) it installs
// Debian's `chromium`; anywhere else it says how to get one. Never downloads a browser from the npm side.
//
//   node scripts/ensure-chromium.mjs      prints the path, or exits 1 with one sentence on what to do
//
// GENTLE_CHROMIUM_NO_INSTALL=1 turns the install off; GENTLE_CHROMIUM_CANDIDATES (see chromium.mjs)
// narrows where to look.
import { readFileSync, realpathSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { findChromium } from './chromium.mjs';

export const HOW_TO_GET_ONE =
  'No Chromium found for the browser tests: install Chromium or Google Chrome (on Debian/Ubuntu: `sudo apt-get install chromium`), or set CHROME_PATH to its executable.';

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function isDebianLike() {
  try {
    const osRelease = readFileSync('/etc/os-release', 'utf8');
    if (/^(ID|ID_LIKE)="?[^\n]*\b(debian|ubuntu)\b/m.test(osRelease)) return onPath('apt-get');
  } catch {
    // no os-release: fall back to looking for apt-get
  }
  return process.platform === 'linux' && onPath('apt-get');
}

function run(command, args) {
  console.log(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status !== 0) {
    throw new Error(`\`${command} ${args.join(' ')}\` failed (${result.error?.message ?? `exit ${result.status}`}). ${HOW_TO_GET_ONE}`);
  }
}

/**
 * Returns the path of a usable Chromium, installing Debian's package when that is possible and needed.
 * Throws an Error whose message is one sentence telling the developer how to get a browser.
 */
export function ensureChromium({ install = process.env.GENTLE_CHROMIUM_NO_INSTALL !== '1' } = {}) {
  for (const name of ['CHROME_PATH', 'CHROMIUM_PATH']) {
    const value = process.env[name];
    if (value && findChromium() !== value) console.warn(`${name}=${value} does not exist; looking for Chromium elsewhere.`);
  }
  const found = findChromium();
  if (found) return found;

  const isRoot = process.getuid?.() === 0;
  if (!install || !isRoot || !isDebianLike()) throw new Error(HOW_TO_GET_ONE);

  console.log('No Chromium found; installing Debian\'s chromium package (about 25 s).');
  run('apt-get', ['update']);
  run('apt-get', ['install', '-y', 'chromium']);
  const installed = findChromium();
  if (!installed) throw new Error(`apt-get installed chromium but no executable was found. ${HOW_TO_GET_ONE}`);
  return installed;
}

function isMain() {
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  try {
    console.log(`Chromium: ${ensureChromium()}`);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
