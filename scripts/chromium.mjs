// Finds the Chromium the browser tests drive. Never downloads one: see scripts/ensure-chromium.mjs.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const defaultCandidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
const namesOnPath = ['chromium', 'chromium-browser', 'google-chrome'];

/**
 * Where to look besides `CHROME_PATH`/`CHROMIUM_PATH`. `GENTLE_CHROMIUM_CANDIDATES` (a `:`-separated list
 * of paths, possibly empty) replaces both the system paths and the `PATH` search — used to check the
 * "no browser" path of scripts/ensure-chromium.mjs on a machine that has one.
 */
function candidates() {
  const override = process.env.GENTLE_CHROMIUM_CANDIDATES;
  if (override !== undefined) return { paths: override.split(':').filter(Boolean), names: [] };
  return { paths: defaultCandidates, names: namesOnPath };
}

/** The Chromium executable: `CHROME_PATH`/`CHROMIUM_PATH`, then the usual system paths, then `PATH`. */
export function findChromium() {
  for (const env of [process.env.CHROME_PATH, process.env.CHROMIUM_PATH]) {
    if (env && existsSync(env)) return env;
  }
  const { paths, names } = candidates();
  for (const path of paths) if (existsSync(path)) return path;
  for (const name of names) {
    try {
      const found = execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
      if (found) return found;
    } catch {
      // not on PATH
    }
  }
  return undefined;
}

/** Flags that keep headless Chromium quiet and offline (no background network, no sandbox as root). */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];
