// `npm test`: proves the whole project on a fresh machine (Node + npm, nothing else), one step after
// another. A failed step does not stop the run — later steps that don't need it still run, so one CI log
// shows every problem — and the exit code is non-zero if anything failed.
//
//   npm test                        every step
//   npm test -- --only unit,e2e     just these steps (plus the Chromium check when a browser step runs)
//   npm test -- --skip storybook    every step but these
//
// The last line printed is always `N passed, N failed`: tests passed (unit, package checks, examples, e2e, stories, storybook-dev), and tests failed plus
// one for every other step that failed (or a test step that failed without a count).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ensureChromium } from './ensure-chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** `needs`: skip this step when one of these ran and did not pass. `counts`: it prints `N passed, N failed`. */
const steps = [
  { name: 'chromium', run: chromiumStep },
  { name: 'lint', script: 'lint' },
  { name: 'typecheck', script: 'typecheck' },
  { name: 'unit', script: 'test:unit', counts: true, needs: ['chromium'] },
  { name: 'build', script: 'build' },
  { name: 'manifest', script: 'manifest:check' },
  { name: 'package', script: 'check:package', counts: true, needs: ['build'] },
  { name: 'types', script: 'test:types', needs: ['build'] },
  { name: 'examples', script: 'test:examples:built', counts: true, needs: ['chromium', 'build'] },
  { name: 'size', script: 'size', needs: ['build'] },
  { name: 'e2e', script: 'test:e2e', counts: true, needs: ['chromium', 'build'] },
  { name: 'storybook', script: 'build-storybook' },
  { name: 'stories', script: 'test:stories', counts: true, needs: ['chromium', 'storybook'] },
  { name: 'storybook-dev', script: 'test:storybook-dev', counts: true, needs: ['chromium'] },
];

const childEnv = {
  ...process.env,
  CI: process.env.CI ?? 'true',
  STORYBOOK_DISABLE_TELEMETRY: '1',
};

function selectSteps(argv) {
  const names = steps.map((step) => step.name);
  const listAfter = (flag) => {
    const eq = argv.find((arg) => arg.startsWith(`${flag}=`));
    const index = argv.indexOf(flag);
    const value = eq ? eq.slice(flag.length + 1) : index >= 0 ? argv[index + 1] ?? '' : undefined;
    return value?.split(',').map((name) => name.trim()).filter(Boolean);
  };
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(`Usage: npm test [-- --only a,b] [-- --skip a,b]\nSteps: ${names.join(', ')}`);
    process.exit(0);
  }
  const only = listAfter('--only');
  const skip = listAfter('--skip') ?? [];
  for (const name of [...(only ?? []), ...skip]) {
    if (!names.includes(name)) {
      console.error(`Unknown step "${name}". Steps: ${names.join(', ')}.`);
      process.exit(2);
    }
  }
  const chosen = new Set(only ?? names);
  for (const name of skip) chosen.delete(name);
  // The browser steps need the browser path, and finding it costs nothing.
  if (steps.some((step) => chosen.has(step.name) && step.needs?.includes('chromium'))) chosen.add('chromium');
  return steps.filter((step) => chosen.has(step.name));
}

function chromiumStep() {
  try {
    const path = ensureChromium();
    console.log(`Chromium: ${path}`);
    childEnv.CHROME_PATH = path;
    return { code: 0 };
  } catch (error) {
    console.error(error.message);
    return { code: 1, note: 'no browser' };
  }
}

function npmCommand(script) {
  const npmCli = process.env.npm_execpath;
  // Under `npm test` npm tells us which npm runs us; reuse it rather than whatever `npm` is on PATH.
  if (npmCli && /\.[cm]?js$/.test(npmCli)) return [process.execPath, [npmCli, 'run', script]];
  return [process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', script]];
}

/** Runs `npm run <script>`; with `tee`, streams its output live and also returns it. */
function runScript(script, { tee }) {
  const [command, args] = npmCommand(script);
  const env = { ...childEnv };
  // Piped output loses colour; keep it when a person is watching.
  if (tee && process.stdout.isTTY && !process.env.NO_COLOR) env.FORCE_COLOR ??= '1';
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(command, args, {
      cwd: root,
      env,
      stdio: tee ? ['inherit', 'pipe', 'pipe'] : 'inherit',
      shell: process.platform === 'win32',
    });
    if (tee) {
      child.stdout.on('data', (chunk) => { process.stdout.write(chunk); output += chunk; });
      child.stderr.on('data', (chunk) => { process.stderr.write(chunk); output += chunk; });
    }
    child.on('error', (error) => resolve({ code: null, note: error.message, output }));
    child.on('close', (code, signal) => resolve({ code, note: signal ? `killed by ${signal}` : undefined, output }));
  });
}

/** The last `N passed, N failed` line in a test runner's output. */
function lastSummary(output) {
  // eslint-disable-next-line no-control-regex
  const plain = output.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
  const matches = [...plain.matchAll(/^\s*(\d+) passed, (\d+) failed\b/gm)];
  const last = matches.at(-1);
  return last ? { passed: Number(last[1]), failed: Number(last[2]) } : undefined;
}

/**
 * What a test step adds to the totals. A step passes only with exit code 0, a summary line, at least one
 * test and no failed test; a non-zero exit without a failed test (a coverage threshold, a crash after the
 * summary) or with no summary at all counts as one failure, so a broken runner can never look green.
 */
function judgeTestStep(code, output) {
  const summary = lastSummary(output);
  if (!summary) return { ok: false, passed: 0, failed: 1, note: 'no "N passed, N failed" line' };
  const { passed, failed } = summary;
  if (code !== 0 && failed === 0) return { ok: false, passed, failed: 1, note: `exit code ${code} with no failed test` };
  if (passed + failed === 0) return { ok: false, passed, failed: 1, note: 'no tests ran' };
  return { ok: code === 0 && failed === 0, passed, failed, note: failed ? `${failed} failed` : `${passed} passed` };
}

async function main() {
  const selected = selectSteps(process.argv.slice(2));
  const results = new Map();
  let passed = 0;
  let failed = 0;
  const started = performance.now();

  for (const step of selected) {
    const blocker = (step.needs ?? []).find((name) => results.has(name) && results.get(name).status !== 'ok');
    if (blocker) {
      results.set(step.name, { status: 'skipped', seconds: 0, note: `needs ${blocker}` });
      continue;
    }
    console.log(`\n── ${step.name} ${'─'.repeat(Math.max(0, 60 - step.name.length))}`);
    const t0 = performance.now();
    const run = step.run ? step.run() : await runScript(step.script, { tee: Boolean(step.counts) });
    const seconds = (performance.now() - t0) / 1000;
    let ok;
    let note = run.note;
    if (step.counts) {
      const judged = judgeTestStep(run.code, run.output ?? '');
      ({ ok } = judged);
      note = run.note ?? judged.note;
      passed += judged.passed;
      failed += judged.failed;
    } else {
      ok = run.code === 0;
      if (!ok) failed += 1;
      if (!ok && !note) note = `exit code ${run.code}`;
    }
    results.set(step.name, { status: ok ? 'ok' : 'FAILED', seconds, note });
  }

  const total = (performance.now() - started) / 1000;
  const width = Math.max(...selected.map((step) => step.name.length), 'total'.length);
  console.log(`\n${'step'.padEnd(width)}  result   seconds`);
  for (const [name, { status, seconds, note }] of results) {
    console.log(`${name.padEnd(width)}  ${status.padEnd(7)} ${seconds.toFixed(1).padStart(8)}${note ? `  ${note}` : ''}`);
  }
  console.log(`${'total'.padEnd(width)}  ${''.padEnd(7)} ${total.toFixed(1).padStart(8)}`);

  const allOk = [...results.values()].every((result) => result.status === 'ok');
  process.exitCode = allOk && failed === 0 ? 0 : 1;
  console.log(`${passed} passed, ${failed} failed`);
}

await main();
