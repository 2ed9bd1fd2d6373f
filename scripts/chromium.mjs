// Finds the Chromium the browser tests drive. Never downloads one: see scripts/ensure-chromium.mjs.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** The Chromium executable: `CHROME_PATH`/`CHROMIUM_PATH`, then the usual system paths, then `PATH`. */
export function findChromium() {
  for (const env of [process.env.CHROME_PATH, process.env.CHROMIUM_PATH]) {
    if (env && existsSync(env)) return env;
  }
  for (const path of candidates) if (existsSync(path)) return path;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
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
