// The journal lock end to end, included by run.mjs: the CDN bundle under the strict CSP, its lock file
// beside it, a reader who locks, reloads, unlocks, writes and closes the tab.
//
// Proved: the lock's code loads only when the reader presses Lock; once locked, no storage key holds
// the words; a reload (and a new tab, for answers kept on the device) shows the prompts and Unlock
// only; a wrong passphrase is refused, the right one opens; words typed in an open locked journal are
// stored encrypted, and every one of them survives a tab closed at once (in Chromium; printed too).
import assert from 'node:assert/strict';

const localPage = '/host/journal-local.html';
const PASS = 'river stones at dusk';
const words = 'Nobody else reads this';
const lastMinute = 'I closed the tab at once after writing this, every word of it.';

const fieldCount = (page) => page.locator('#journal textarea').count();
const shadow = (page, selector) => page.locator(`#journal ${selector}`);

/** Every value in both storage areas, as one string. */
const stored = (page) =>
  page.evaluate(() => [sessionStorage, localStorage].flatMap((area) => Object.keys(area).map((key) => `${key}=${area.getItem(key)}`)).join('\n'));

/** Names of the files loaded beside the bundle. */
const beside = (page) =>
  page.evaluate(() => performance.getEntriesByType('resource').map((entry) => /\/gentle-widgets-(\w+)\.js$/.exec(entry.name)?.[1]).filter(Boolean));

async function upgraded(page) {
  await page.waitForFunction(() => document.querySelector('#journal')?.shadowRoot?.querySelector('[part~="lock"],[part~="unlock"]'));
}

/** Presses Unlock and types the passphrase; resolves once the answer fields are back. */
async function unlock(page, passphrase = PASS) {
  await shadow(page, '[part~="unlock"]').click();
  await shadow(page, 'input[part="passphrase"]').fill(passphrase);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#journal').shadowRoot.querySelector('textarea'), null, { timeout: 10_000 });
}

/** Registers the tests with run.mjs's `test`. */
export function journalLockTests(test) {
  test('journal lock under the strict CSP: its code loads on Lock only; locked, storage holds none of the words; a new tab asks for the passphrase, refuses a wrong one calmly, opens with the right one', async (open) => {
    const { page, tab, assertClean } = await open(localPage);
    await upgraded(page);
    await page.locator('#journal textarea').first().fill(words);
    assert.ok(!(await beside(page)).includes('lock'), 'no lock code before the reader asks');
    await shadow(page, '[part~="lock"]').click();
    await shadow(page, 'input[part="passphrase"]').first().waitFor();
    assert.ok((await beside(page)).includes('lock'), 'the lock code, fetched from beside the bundle');
    assert.match(await shadow(page, 'form[part="lock-form"]').innerText(), /If you forget it, your answers are gone/);
    // Keyboard only: the passphrase field has focus, Tab to the second, Enter locks.
    await page.keyboard.type(PASS);
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASS);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !document.querySelector('#journal').shadowRoot.querySelector('textarea'), null, { timeout: 10_000 });
    assert.ok(!(await stored(page)).includes(words), 'no storage key holds the words');
    assert.match(await stored(page), /\{"v":1,"lock":\{"s":"[^"]+","n":600000,"i":"[^"]+","c":"[^"]+"\}\}/);
    assert.equal(await page.evaluate(() => document.querySelector('#journal').shadowRoot.activeElement?.getAttribute('part')), 'button unlock');

    const second = await tab(localPage);
    await upgraded(second);
    assert.equal(await fieldCount(second), 0, 'a new tab shows the prompts and Unlock only');
    assert.doesNotMatch(await second.locator('#journal').innerText(), new RegExp(words));
    await shadow(second, '[part~="unlock"]').click();
    await shadow(second, 'input[part="passphrase"]').fill('river stones at dawn');
    await second.keyboard.press('Enter');
    await shadow(second, '[part="lock-status"]').filter({ hasText: 'does not open' }).waitFor({ timeout: 10_000 });
    assert.equal(await fieldCount(second), 0);
    await shadow(second, 'input[part="passphrase"]').fill(PASS);
    await second.keyboard.press('Enter');
    await second.waitForFunction(() => document.querySelector('#journal').shadowRoot.querySelector('textarea')?.value, null, { timeout: 10_000 });
    assert.equal(await second.locator('#journal textarea').first().inputValue(), words);
    await assertClean();
  });

  test('journal lock: words typed in an open locked journal are stored encrypted; a tab closed at once keeps every one', async (open) => {
    const { page, tab, assertClean } = await open(localPage);
    await upgraded(page);
    await shadow(page, '[part~="lock"]').click();
    await shadow(page, 'input[part="passphrase"]').first().fill(PASS);
    await shadow(page, 'input[part="passphrase"]').nth(1).fill(PASS);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !document.querySelector('#journal').shadowRoot.querySelector('textarea'), null, { timeout: 10_000 });
    await unlock(page);
    await page.locator('#journal textarea').nth(2).click();
    await page.keyboard.type(lastMinute);
    const closed = page.waitForEvent('close');
    await page.close({ runBeforeUnload: true });
    await closed;

    const next = await tab(localPage);
    await upgraded(next);
    assert.ok(!(await stored(next)).includes('closed the tab'), 'stored only encrypted');
    await unlock(next);
    const survived = await next.locator('#journal textarea').nth(2).inputValue();
    console.log(`    journal lock: a tab closed right after typing kept ${survived.length} of ${lastMinute.length} characters`);
    assert.equal(survived, lastMinute, `survived ${survived.length} of ${lastMinute.length} characters`);
    await assertClean();
  });
}
