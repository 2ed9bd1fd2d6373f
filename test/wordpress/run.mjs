// The WordPress plugin on a real WordPress (`npm run test:wordpress`; not part of `npm test`).
//
// Needs the local WordPress that ../shared/tools/wordpress-up.sh brings up at http://127.0.0.1:8088
// (users admin, jordan = editor, sam = author, casey = contributor), root (setup PHP runs as www-data
// through runuser), and the system Chromium. It:
//   1. builds dist/wordpress/gentle-widgets.zip (npm run build:wordpress), deletes an older copy of the
//      plugin, then uploads the zip in wp-admin → Plugins → Add New → Upload Plugin as the
//      administrator, in Chromium, and activates it;
//   2. as administrator, editor, author and contributor, publishes the article with all four elements
//      through the REST API three ways: our blocks' saved markup, raw tags in a Custom HTML block, and
//      a classic-editor post with our shortcodes (the contributor submits for review, the editor
//      publishes); the article's notice has a quick exit (exit-href) and its journal lock="off", which
//      every stored copy must keep; the real block editor parses every blocks post and must call each of
//      our blocks valid, calls blocks saved before exit-href and lock were block settings valid and saves
//      them again byte for byte, and shows those settings in the sidebar;
//   3. opens every published post in Chromium: every element upgrades (:defined, shadow root), the
//      gated notice's reveal button works, no console errors, every request stays on the site and our
//      files come from /wp-content/plugins/gentle-widgets/cdn/, the journal has no Lock button and
//      Shift three times leaves for exit-href; with JavaScript off the text, the links and the booking
//      link are visible;
//   4. checks a seeded post without the elements loads nothing of ours, that an author's on*= and
//      javascript: attempts are gone from the stored content and the page, what becomes of a
//      javascript: exit-href (administrator and author, Custom HTML block and shortcode: never an exit
//      that runs it), and that the site's RSS feeds carry the elements' light-DOM text and no script;
//   5. prints a role-by-role table and `N passed, N failed`, then deletes what it created (posts,
//      application passwords, its mu-plugins, the plugin itself — which runs uninstall.php), so the
//      next run starts from the same site.
//
// Options: --no-build (use the dist/ already built; still writes the zip), --zip FILE (install this zip,
// build nothing), --keep (leave posts and plugin in place to look at), and, to prove the checks can
// fail, --break deactivate (plugin deactivated after install) or --break everywhere (our script
// printed on every page).
import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import process from "node:process";
import { execFileSync, spawnSync } from "node:child_process";
import {
  existsSync,
  readFileSync,
  rmSync,
  writeFileSync,
  chownSync,
  statSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { findChromium, chromiumArgs } from "../../scripts/chromium.mjs";
import * as article from "./content.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const helperFile = fileURLToPath(new URL("./helper.php", import.meta.url));
const WP = (process.env.WP_URL ?? "http://127.0.0.1:8088").replace(/\/+$/, "");
const origin = new URL(WP).origin;
const ADMIN_PASSWORD = "admin-local-only-Pa55"; // the local-only fixture site's (shared/tools/wordpress/seed.php)
const TITLE = "gwtest: "; // every post the test makes starts so; cleanup deletes by it
const APP_NAME = "gentle-widgets test";
const PLUGIN_FILES = `${origin}/wp-content/plugins/gentle-widgets/`;
const TAGS = Object.keys(article.expectedElements);
const TOTAL = Object.values(article.expectedElements).reduce(
  (a, b) => a + b,
  0,
);
const version = JSON.parse(
  readFileSync(join(root, "package.json"), "utf8"),
).version;
// The plugin serves the CDN files from a folder named by its version (see wordpress/includes/assets.php).
const CDN_FILES = `${PLUGIN_FILES}cdn/${version}/`;
const BUNDLE = `${CDN_FILES}gentle-widgets.js`;

// ---- options --------------------------------------------------------------------------------

const argv = process.argv.slice(2);
function option(name) {
  const i = argv.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (i < 0) return undefined;
  return argv[i].includes("=") ? argv[i].slice(name.length + 1) : argv[i + 1];
}
const noBuild = argv.includes("--no-build");
const keep = argv.includes("--keep");
const givenZip = option("--zip");
const breakWith = option("--break");
if (breakWith && !["deactivate", "everywhere"].includes(breakWith)) {
  console.error('--break takes "deactivate" or "everywhere"');
  process.exit(2);
}

// ---- results and timings --------------------------------------------------------------------

const results = [];
const timings = [];
const started = performance.now();
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

function record(name, ok, detail) {
  results.push({ name, ok, detail });
  if (ok) console.log(`  ✓ ${name}${detail ? ` (${detail})` : ""}`);
  else
    console.log(
      `  ✗ ${name}\n      ${String(detail).split("\n").join("\n      ")}`,
    );
  return ok;
}
/** Runs one check; `fn` throws (an assert) to fail it, or returns a short note to print on success. */
async function check(name, fn) {
  try {
    const note = await fn();
    return record(name, true, typeof note === "string" ? note : "");
  } catch (error) {
    return record(name, false, error?.message ?? String(error));
  }
}
async function phase(name, fn) {
  console.log(`\n${name}`);
  const t = performance.now();
  try {
    return await fn();
  } finally {
    timings.push([name, performance.now() - t]);
  }
}

/** Fails with `message` when `list` is not empty (an assertion without the diff). */
function none(list, message) {
  if (list.length) throw new Error(message);
}

// ---- the site: precondition, helper PHP, REST ------------------------------------------------

async function precondition() {
  try {
    const response = await fetch(`${WP}/wp-json/`, {
      signal: AbortSignal.timeout(5_000),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
  } catch (error) {
    console.error(
      `WordPress does not answer at ${WP} (${error.cause?.code ?? error.message}): bring it up with \`sudo bash ../shared/tools/wordpress-up.sh\`, then run this again.`,
    );
    process.exit(2);
  }
  if (process.getuid?.() !== 0) {
    console.error(
      "This test runs as root: it sets the site up with PHP as www-data (runuser), like wordpress-up.sh.",
    );
    process.exit(2);
  }
  if (!findChromium()) {
    console.error(
      "No Chromium found (see scripts/chromium.mjs): install the chromium package.",
    );
    process.exit(2);
  }
}

/**
 * One run at a time on this machine: two runs would delete each other's posts and plugin. A second run
 * waits for the first (up to ten minutes); a lock left by a run that died is taken over.
 */
const lockFile = join(tmpdir(), "gentle-widgets-test-wordpress.lock");
async function lock() {
  const until = Date.now() + 600_000;
  let said = false;
  for (;;) {
    try {
      writeFileSync(lockFile, String(process.pid), { flag: "wx" });
      process.once("exit", () => {
        if (readFileSync(lockFile, "utf8") === String(process.pid))
          rmSync(lockFile, { force: true });
      });
      return;
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
    }
    const holder = Number(readFileSync(lockFile, "utf8"));
    let alive = false;
    try {
      alive = holder > 0 && process.kill(holder, 0);
    } catch {
      alive = false;
    }
    if (!alive) {
      rmSync(lockFile, { force: true });
      continue;
    }
    if (Date.now() > until) {
      console.error(
        `Another run of this test (pid ${holder}) has held ${lockFile} for ten minutes; stopping.`,
      );
      process.exit(2);
    }
    if (!said)
      console.log(
        `Waiting for another run of this test (pid ${holder}) to finish…`,
      );
    said = true;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
}

/** Runs test/wordpress/helper.php as www-data with WordPress loaded; returns its JSON. */
function wpphp(...args) {
  const out = execFileSync(
    "runuser",
    ["-u", "www-data", "--", "env", `WP_URL=${WP}`, "php", helperFile, ...args],
    {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  return JSON.parse(out.trim().split("\n").pop());
}

let site; // helper.php info
let passwords = {}; // login → application password

async function rest(login, method, path, body) {
  const response = await fetch(`${WP}/wp-json${path}`, {
    method,
    headers: {
      authorization: `Basic ${Buffer.from(`${login}:${passwords[login]}`).toString("base64")}`,
      // Application passwords need HTTPS; Debian's wp-config.php turns this header into HTTPS=on.
      "x-forwarded-proto": "https",
      "content-type": "application/json",
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json().catch(() => null);
  return { status: response.status, json };
}

const raw = async (login, id) =>
  (await rest(login, "GET", `/wp/v2/posts/${id}?context=edit`)).json?.content
    ?.raw;

// mu-plugins the test adds for its run (removed in cleanup)
const muPlugins = new Set();
function addMuPlugin(name, php) {
  const file = join(site.content_dir, "mu-plugins", name);
  writeFileSync(file, php);
  const { uid, gid } = statSync(join(site.content_dir, "mu-plugins"));
  chownSync(file, uid, gid);
  muPlugins.add(file);
}

// ---- Chromium -------------------------------------------------------------------------------

let browser;

/** A logged-in wp-admin session as the administrator (outside requests such as Gravatar refused). */
async function adminSession() {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
  });
  await context.route("**/*", (route) =>
    route.request().url().startsWith(`${origin}/`)
      ? route.continue()
      : route.abort("blockedbyclient"),
  );
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  page.setDefaultNavigationTimeout(60_000);
  await page.goto(`${WP}/wp-login.php`);
  await page.fill("#user_login", "admin");
  await page.fill("#user_pass", ADMIN_PASSWORD);
  await Promise.all([
    page.waitForURL(/\/wp-admin\//),
    page.click("#wp-submit"),
  ]);
  return { context, page };
}

/**
 * Opens `url` as an anonymous reader and records what went wrong: console errors and warnings,
 * uncaught exceptions, 4xx/5xx and failed requests, requests leaving the site (refused), dialogs.
 */
async function reader(url, { javaScript = true } = {}) {
  const context = await browser.newContext({
    javaScriptEnabled: javaScript,
    viewport: { width: 1280, height: 900 },
  });
  const seen = {
    requests: [],
    left: [],
    errors: [],
    warnings: [],
    bad: [],
    dialogs: [],
  };
  await context.route("**/*", (route) => {
    const at = route.request().url();
    seen.requests.push(at);
    if (at.startsWith(`${origin}/`)) return route.continue();
    seen.left.push(at);
    return route.abort("blockedbyclient");
  });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.on("console", (message) => {
    const where = message.location().url;
    if (message.type() === "error")
      seen.errors.push(`${message.text()}${where ? ` (${where})` : ""}`);
    else if (message.type() === "warning") seen.warnings.push(message.text());
  });
  page.on("pageerror", (error) =>
    seen.errors.push(`uncaught: ${error.message}`),
  );
  page.on("response", (response) => {
    if (response.status() >= 400)
      seen.bad.push(`${response.status()} ${response.url()}`);
  });
  page.on("requestfailed", (request) => {
    if (request.url().startsWith(`${origin}/`))
      seen.bad.push(
        `failed ${request.url()} (${request.failure()?.errorText})`,
      );
  });
  page.on("dialog", (dialog) => {
    seen.dialogs.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
  const response = await page.goto(url, { waitUntil: "load" });
  assert.equal(
    response?.status(),
    200,
    `${url} answered ${response?.status()}`,
  );
  return { context, page, seen };
}

/** Asserts nothing went wrong on a reader's page; our elements' own warnings count as problems too. */
function assertClean(seen) {
  const ours = seen.warnings.filter((text) =>
    /^<(content-notice|journal-prompts|book-call-cta|related-stories)>|^gentle-widgets/.test(
      text,
    ),
  );
  const problems = [
    ...seen.errors.map((t) => `console error: ${t}`),
    ...ours.map((t) => `warning: ${t}`),
    ...seen.bad.map((t) => `request: ${t}`),
    ...seen.left.map((t) => `left ${origin}: ${t}`),
    ...seen.dialogs.map((t) => `dialog: ${t}`),
  ];
  none(problems, `the page reported problems:\n${problems.join("\n")}`);
}

/** Our elements on the page: count per tag, and those not upgraded or with slotted children left out. */
const elementState = (page) =>
  page.evaluate((tags) => {
    const all = [...document.querySelectorAll(tags.join(","))];
    const counts = Object.fromEntries(
      tags.map((t) => [t, all.filter((e) => e.localName === t).length]),
    );
    const notUpgraded = all
      .filter(
        (e) =>
          !e.matches(":defined") ||
          !e.shadowRoot ||
          !e.shadowRoot.childNodes.length,
      )
      .map((e) => e.localName);
    const unslotted = all.flatMap((e) =>
      [...e.children]
        .filter((c) => c.slot && !c.assignedSlot)
        .map((c) => `<${c.localName} slot="${c.slot}"> in <${e.localName}>`),
    );
    return {
      counts,
      notUpgraded,
      unslotted,
      upgraded: all.length - notUpgraded.length,
    };
  }, TAGS);

/** Every element carrying an on* attribute or a javascript: URL, light DOM and shadow roots alike. */
const scriptAttributes = (page) =>
  page.evaluate(() => {
    const found = [];
    const walk = (rootNode) => {
      for (const el of rootNode.querySelectorAll("*")) {
        for (const { name, value } of el.attributes) {
          // As browsers read a URL: without whitespace and control characters.
          const squeezed = [...value]
            .filter((c) => c.charCodeAt(0) > 0x20)
            .join("")
            .toLowerCase();
          if (/^on/i.test(name) || squeezed.startsWith("javascript:"))
            found.push(`<${el.localName} ${name}="${value}">`);
        }
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return found;
  });

// ---- install ---------------------------------------------------------------------------------

function buildZip() {
  if (givenZip) return givenZip;
  const script = join(root, "scripts/build-wordpress.mjs");
  assert.ok(
    existsSync(script),
    "scripts/build-wordpress.mjs is missing: the plugin build is not in this checkout",
  );
  const run = spawnSync(
    process.execPath,
    [script, ...(noBuild ? ["--no-build"] : [])],
    { cwd: root, stdio: "inherit" },
  );
  assert.equal(
    run.status,
    0,
    `npm run build:wordpress exited with ${run.status}`,
  );
  const zip = join(root, "dist/wordpress/gentle-widgets.zip");
  assert.ok(existsSync(zip), `${zip} was not written`);
  return zip;
}

async function install(admin, zip) {
  const { page } = admin;
  await page.goto(`${WP}/wp-admin/plugin-install.php?tab=upload`);
  await page.setInputFiles("#pluginzip", zip);
  await Promise.all([
    page.waitForURL(/update\.php\?action=upload-plugin/),
    page.click("#install-plugin-submit"),
  ]);
  const installed = await page.locator("#wpbody-content").innerText();
  assert.match(
    installed,
    /Plugin installed successfully/,
    `the upload page said:\n${installed.trim().slice(0, 800)}`,
  );
  await Promise.all([
    page.waitForURL(/plugins\.php/),
    page.getByRole("link", { name: "Activate Plugin" }).click(),
  ]);
  const listed = await page.locator("#wpbody-content").innerText();
  assert.match(
    listed,
    /Plugin activated/,
    `the Plugins screen said:\n${listed.trim().slice(0, 800)}`,
  );
  const row = page.locator(
    'tr[data-plugin="gentle-widgets/gentle-widgets.php"]',
  );
  assert.match(
    (await row.getAttribute("class")) ?? "",
    /\bactive\b/,
    "the plugin row is not active",
  );
  const rowText = await row.innerText();
  assert.match(
    rowText,
    new RegExp(`Version ${version.replace(/\./g, "\\.")}\\b`),
    `the row shows another version: ${rowText}`,
  );
  assert.match(rowText, /Gentle Widgets/);
  return `version ${version}, ${Math.round(statSync(zip).size / 1024)} KiB zip`;
}

// ---- publishing ------------------------------------------------------------------------------

const roles = [
  { role: "administrator", login: "admin" },
  { role: "editor", login: "jordan" },
  { role: "author", login: "sam" },
  { role: "contributor", login: "casey" },
];
const forms = [
  {
    key: "blocks",
    label: "blocks",
    content: article.blocksArticle,
    tags: true,
  },
  {
    key: "html",
    label: "HTML block",
    content: article.htmlBlockArticle,
    tags: true,
  },
  {
    key: "shortcodes",
    label: "shortcodes",
    content: article.shortcodeArticle,
    tags: false,
  },
];
const posts = []; // { role, login, form, id, path, published, kept }

async function create(login, title, content, status) {
  const made = await rest(login, "POST", "/wp/v2/posts", {
    title: `${TITLE}${title}`,
    content,
    status,
  });
  assert.equal(
    made.status,
    201,
    `POST /wp/v2/posts as ${login}: HTTP ${made.status} ${JSON.stringify(made.json)?.slice(0, 300)}`,
  );
  return made.json.id;
}

async function publishAll() {
  for (const { role, login } of roles) {
    for (const form of forms) {
      const title = `${role}, ${form.label}: Why you might cry after sex`;
      const post = {
        role,
        login,
        form,
        title: `${TITLE}${title}`,
        id: undefined,
        path: "",
        published: false,
        kept: undefined,
      };
      posts.push(post);
      await check(`${role} publishes the article (${form.label})`, async () => {
        if (role !== "contributor") {
          post.id = await create(login, title, form.content(), "publish");
          post.path = "publish";
        } else {
          const refused = await rest(login, "POST", "/wp/v2/posts", {
            title: `${TITLE}${title}`,
            content: form.content(),
            status: "publish",
          });
          if (refused.status === 201) post.extra = refused.json.id;
          assert.equal(
            refused.status,
            403,
            `a contributor's "publish" was answered ${refused.status}, not 403`,
          );
          post.id = await create(login, title, form.content(), "pending");
          const hidden = await fetch(`${WP}/?p=${post.id}`);
          assert.equal(
            hidden.status,
            404,
            `the pending post answered ${hidden.status} to a reader`,
          );
          const before = await raw("jordan", post.id);
          const published = await rest(
            "jordan",
            "POST",
            `/wp/v2/posts/${post.id}`,
            { status: "publish" },
          );
          assert.equal(
            published.status,
            200,
            `the editor's publish answered ${published.status}`,
          );
          assert.equal(published.json.status, "publish");
          assert.equal(
            await raw("jordan", post.id),
            before,
            "the editor's publish changed the stored content",
          );
          post.path = `"publish" refused (${refused.status}), pending → editor publishes`;
        }
        post.published = true;
        // A contributor may not read a published post's raw content; the editor who published it may.
        const stored = await raw(
          role === "contributor" ? "jordan" : login,
          post.id,
        );
        post.stored = stored;
        if (form.tags) {
          const missing = TAGS.filter((t) => !stored.includes(`<${t}`));
          post.kept = missing.length === 0;
          none(
            missing,
            `the stored content lost these tags (kses?): ${missing.join(", ")}`,
          );
          const lost = article.features.stored.filter(
            (a) => !stored.includes(a),
          );
          none(
            lost,
            `the stored content lost these attributes (kses?): ${lost.join(", ")}`,
          );
        }
        return `post ${post.id}, ${post.path}`;
      });
    }
  }
}

// ---- the block editor's verdict ---------------------------------------------------------------

async function editorParses(admin) {
  const ids = posts
    .filter((p) => p.form.key === "blocks" && p.id)
    .map((p) => p.id);
  // One editor page, open on the administrator's blocks post, for the three checks.
  const page = await admin.context.newPage();
  page.setDefaultTimeout(60_000);
  try {
    await editorValid(page, ids);
    await editorOldMarkup(page);
    await editorSettings(page);
  } finally {
    await page.close();
  }
}

async function editorValid(page, ids) {
  await check(
    "the block editor opens the blocks post and calls every one of our blocks valid, for every role",
    async () => {
      assert.ok(ids.length, "no blocks post was published");
      await page.goto(`${WP}/wp-admin/post.php?post=${ids[0]}&action=edit`);
      await page.waitForFunction(
        () =>
          window.wp?.data?.select("core/block-editor")?.getBlocks().length > 0,
        null,
        { timeout: 60_000 },
      );
      const unknown = await page.evaluate(
        (tags) =>
          tags.filter(
            (t) => !window.wp.blocks.getBlockType(`gentle-widgets/${t}`),
          ),
        TAGS,
      );
      none(
        unknown,
        `the editor does not know these blocks: ${unknown.map((t) => `gentle-widgets/${t}`).join(", ")}`,
      );
      const report = await page.evaluate(async (list) => {
        const walk = (blocks) =>
          blocks.flatMap((b) => [b, ...walk(b.innerBlocks ?? [])]);
        const out = [];
        for (const id of list) {
          const post = await window.wp.apiFetch({
            path: `/wp/v2/posts/${id}?context=edit`,
          });
          const ours = walk(window.wp.blocks.parse(post.content.raw)).filter(
            (b) => b.name?.startsWith("gentle-widgets/"),
          );
          out.push({
            id,
            same:
              window.wp.blocks.serialize(
                window.wp.blocks.parse(post.content.raw),
              ) === post.content.raw,
            count: ours.length,
            types: [...new Set(ours.map((b) => b.name))].length,
            invalid: ours
              .filter((b) => !b.isValid)
              .map(
                (b) =>
                  `${b.name}: ${(b.validationIssues ?? []).map((i) => (i.args ?? []).join(" ").slice(0, 300)).join(" / ")}`,
              ),
          });
        }
        const inEditor = walk(
          window.wp.data.select("core/block-editor").getBlocks(),
        ).filter((b) => b.name.startsWith("gentle-widgets/"));
        return {
          out,
          inEditor: inEditor.length,
          inEditorInvalid: inEditor.filter((b) => !b.isValid).length,
        };
      }, ids);
      for (const r of report.out) {
        const post = posts.find((p) => p.id === r.id);
        post.editorValid = r.invalid.length === 0 && r.count === TOTAL;
        post.roundTrip = r.same;
      }
      const problems = report.out.flatMap((r) => [
        ...(r.count !== TOTAL || r.types !== TAGS.length
          ? [
              `post ${r.id}: ${r.count} of our blocks (${r.types} types), expected ${TOTAL} (${TAGS.length})`,
            ]
          : []),
        ...r.invalid.map((i) => `post ${r.id}: ${i}`),
      ]);
      if (report.inEditorInvalid)
        problems.push(
          `${report.inEditorInvalid} invalid block(s) in the open editor`,
        );
      // The administrator's copy is stored unfiltered: the editor must save it again byte for byte, which
      // proves content.mjs holds what the editor itself would have saved.
      if (!report.out[0].same)
        problems.push(
          `the editor would save post ${ids[0]} differently from the markup the test wrote (content.mjs is out of date with save())`,
        );
      none(problems, problems.join("\n"));
      const changed = report.out
        .filter((r) => !r.same)
        .map((r) => posts.find((p) => p.id === r.id).role);
      return `${ids.length} posts, ${TOTAL} blocks each${changed.length ? `; stored differently from what the editor saves, yet valid: ${changed.join(", ")}` : ", each stored exactly as the editor saves it"}`;
    },
  );
}

/** Where two strings part, with some context, for an assertion message. */
function firstDifference(a, b) {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return `at ${i}:\n  expected …${JSON.stringify(a.slice(Math.max(0, i - 80), i + 80))}\n  got      …${JSON.stringify(b.slice(Math.max(0, i - 80), i + 80))}`;
}

/** Waits until the editor on `page` knows our blocks (it may have failed to open in an earlier check). */
async function editorReady(page) {
  await page.waitForFunction(
    () =>
      window.wp?.blocks?.getBlockType("gentle-widgets/journal-prompts") &&
      window.wp.data.select("core/block-editor").getBlocks().length > 0,
    null,
    { timeout: 30_000 },
  );
}

/**
 * Blocks saved before `exit-href` and `lock` were block settings must still be valid, and the editor must
 * save them again byte for byte: at their defaults, the new settings write nothing, so no deprecation.
 */
async function editorOldMarkup(page) {
  await check(
    "blocks saved before the quick exit and the lock were block settings are valid, and the editor saves them again byte for byte",
    async () => {
      await editorReady(page);
      const before = article.blocksArticle({ before: true });
      const r = await page.evaluate((raw) => {
        const walk = (blocks) =>
          blocks.flatMap((b) => [b, ...walk(b.innerBlocks ?? [])]);
        const blocks = window.wp.blocks.parse(raw);
        const ours = walk(blocks).filter((b) =>
          b.name?.startsWith("gentle-widgets/"),
        );
        return {
          count: ours.length,
          invalid: ours
            .filter((b) => !b.isValid)
            .map(
              (b) =>
                `${b.name}: ${(b.validationIssues ?? []).map((i) => (i.args ?? []).join(" ").slice(0, 300)).join(" / ")}`,
            ),
          saved: window.wp.blocks.serialize(blocks),
          exitHref: ours
            .filter((b) => b.name === "gentle-widgets/content-notice")
            .map((b) => b.attributes.exitHref ?? null),
          lock: ours
            .filter((b) => b.name === "gentle-widgets/journal-prompts")
            .map((b) => b.attributes.lock),
        };
      }, before);
      assert.equal(
        r.count,
        TOTAL,
        `${r.count} of our blocks, expected ${TOTAL}`,
      );
      none(r.invalid, `invalid:\n${r.invalid.join("\n")}`);
      assert.ok(
        r.saved === before,
        `the editor saves the old markup differently ${firstDifference(before, r.saved)}`,
      );
      assert.deepEqual(
        { exitHref: r.exitHref, lock: r.lock },
        { exitHref: [null, null], lock: ["on"] },
        "the new settings are not at their defaults",
      );
      return `${r.count} blocks valid, saved again unchanged (${before.length} characters)`;
    },
  );
}

/**
 * The settings a site owner sees: the notice's quick exit field (with its warning for an address the
 * element would refuse) and its two wording fields, the journal's lock toggle and the lock's wording.
 * Turned back to their defaults in the sidebar, both blocks save exactly what they saved before those settings existed.
 */
async function editorSettings(page) {
  await check(
    "block settings: the quick exit field and its wording, the lock toggle and the lock's wording; back at their defaults, both blocks save the markup from before those settings",
    async () => {
      await editorReady(page);
      await page.evaluate(() => {
        const { select, dispatch } = window.wp.data;
        if (select("core/edit-post").isFeatureActive("welcomeGuide"))
          dispatch("core/edit-post").toggleFeature("welcomeGuide");
      });
      const found = await page.evaluate(
        ({ raw, exit }) => {
          const blocks = window.wp.data.select("core/block-editor").getBlocks();
          const old = window.wp.blocks.parse(raw);
          const notice = (list) =>
            list.find(
              (b) =>
                b.name === "gentle-widgets/content-notice" &&
                b.attributes.variant === "distinction",
            );
          const journal = (list) =>
            list.find((b) => b.name === "gentle-widgets/journal-prompts");
          return {
            notice: notice(blocks)?.clientId,
            noticeExit: notice(blocks)?.attributes.exitHref,
            journal: journal(blocks)?.clientId,
            journalLock: journal(blocks)?.attributes.lock,
            oldNotice: window.wp.blocks.serialize(notice(old)),
            oldJournal: window.wp.blocks.serialize(journal(old)),
            exit,
          };
        },
        { raw: article.blocksArticle({ before: true }), exit: article.EXIT },
      );
      assert.ok(
        found.notice && found.journal,
        "the post has no distinction notice or journal block",
      );
      assert.equal(found.noticeExit, article.EXIT);
      assert.equal(found.journalLock, "off");
      const select = (clientId) =>
        page.evaluate((id) => {
          window.wp.data.dispatch("core/block-editor").selectBlock(id);
          window.wp.data
            .dispatch("core/edit-post")
            .openGeneralSidebar("edit-post/block");
        }, clientId);
      const saved = (clientId) =>
        page.evaluate(
          (id) =>
            window.wp.blocks.serialize(
              window.wp.data.select("core/block-editor").getBlock(id),
            ),
          clientId,
        );
      const sidebar = page.locator(".interface-complementary-area");
      const wording = () =>
        sidebar.getByRole("button", { name: "Wording", exact: true }).click();

      // The notice.
      await select(found.notice);
      const exitField = sidebar.getByLabel(
        "Quick exit: an everyday page to leave for (optional)",
      );
      assert.equal(await exitField.inputValue(), article.EXIT);
      await sidebar
        .getByText("such as a weather forecast", { exact: false })
        .waitFor();
      await wording();
      await sidebar.getByLabel("Quick exit button", { exact: true }).waitFor();
      await sidebar
        .getByLabel("Quick exit: what the blank page", { exact: false })
        .waitFor();
      await exitField.fill("javascript:alert(1)");
      await sidebar
        .getByText("Use an address that starts with https://", { exact: false })
        .waitFor();
      await exitField.fill("");
      await sidebar
        .getByLabel("Quick exit button", { exact: true })
        .waitFor({ state: "detached" });
      const notice = await saved(found.notice);
      assert.ok(
        notice === found.oldNotice,
        `with the quick exit emptied, the notice saves ${firstDifference(found.oldNotice, notice)}`,
      );

      // The journal.
      await select(found.journal);
      const toggle = sidebar.getByLabel(
        "Let readers lock their answers with a passphrase",
      );
      assert.equal(
        await toggle.isChecked(),
        false,
        'the lock toggle is on for lock="off"',
      );
      await wording();
      assert.equal(
        await sidebar.getByLabel("Lock: “Lock my answers” button").count(),
        0,
        "the lock's wording shows while the lock is off",
      );
      await toggle.check();
      await sidebar.getByLabel("Lock: “Lock my answers” button").waitFor();
      await sidebar
        .getByLabel("Lock: warning about forgetting the passphrase")
        .waitFor();
      const lockFields = await sidebar.getByLabel(/^Lock: /).count();
      assert.equal(
        lockFields,
        16,
        `${lockFields} lock wording fields, expected 16`,
      );
      const journal = await saved(found.journal);
      assert.ok(
        journal === found.oldJournal,
        `with the lock back on, the journal saves ${firstDifference(found.oldJournal, journal)}`,
      );
      return "both back to the earlier markup; 16 lock wording fields";
    },
  );
}

// ---- reading the posts -------------------------------------------------------------------------

async function readWithJavaScript(post) {
  const name = `${post.role} / ${post.form.label}`;
  const url = `${WP}/?p=${post.id}`;
  const { context, page, seen } = await reader(url);
  post.saw = {};
  try {
    await check(
      `${name}: every element upgrades (:defined, shadow root)`,
      async () => {
        const initial = await elementState(page);
        if (
          JSON.stringify(initial.counts) !==
          JSON.stringify(article.expectedElements)
        ) {
          throw new Error(
            `elements on the page: ${JSON.stringify(initial.counts)}, expected ${JSON.stringify(article.expectedElements)}`,
          );
        }
        await page
          .waitForFunction(
            (tags) =>
              [...document.querySelectorAll(tags.join(","))].every(
                (e) => e.matches(":defined") && e.shadowRoot?.childNodes.length,
              ),
            TAGS,
            { timeout: 10_000 },
          )
          .catch(() => {});
        const state = await elementState(page);
        post.saw.upgraded = state.upgraded;
        none(
          state.notUpgraded,
          `not upgraded: ${state.notUpgraded.join(", ")}`,
        );
        none(
          state.unslotted,
          `children whose slot the element does not have: ${state.unslotted.join(", ")}`,
        );
        return `${state.upgraded}/${TOTAL}`;
      },
    );
    await check(
      `${name}: the gated notice hides its text until the reveal button is pressed`,
      async () => {
        const gated = page
          .locator('content-notice[variant="warning"]')
          .getByText(article.reads.gated);
        assert.equal(
          await gated.isVisible(),
          false,
          "the gated text is visible before the reveal",
        );
        const button = page.locator(
          'content-notice[variant="warning"] button[part~="reveal-button"]',
        );
        await button.click({ timeout: 5_000 });
        await gated.waitFor({ state: "visible", timeout: 5_000 });
        assert.equal(await button.getAttribute("aria-expanded"), "true");
        post.saw.reveal = true;
      },
    );
    await check(
      `${name}: no console errors, every request stays on ${origin}, our files from the plugin's cdn/`,
      async () => {
        await page
          .locator("related-stories")
          .scrollIntoViewIfNeeded()
          .catch(() => {});
        await page
          .waitForLoadState("networkidle", { timeout: 10_000 })
          .catch(() => {});
        const ours = seen.requests.filter((u) => u.startsWith(PLUGIN_FILES));
        assert.ok(
          ours.some((u) => u.split("?")[0] === BUNDLE),
          `the bundle was not loaded from ${BUNDLE}; requests: ${seen.requests.filter((u) => /gentle/.test(u)).join(", ") || "none of ours"}`,
        );
        const outside = ours.filter(
          (u) => !u.startsWith(`${PLUGIN_FILES}cdn/`),
        );
        none(
          outside,
          `the reader loaded plugin files from outside cdn/: ${outside.join(", ")}`,
        );
        const types = await page.evaluate(() =>
          [...document.scripts]
            .filter((s) => s.src.includes("/plugins/gentle-widgets/"))
            .map((s) => s.type),
        );
        none(
          types.filter((t) => t !== "module"),
          `our script tag is not type="module": ${JSON.stringify(types)}`,
        );
        assertClean(seen);
        return `${ours.length} file(s) of ours`;
      },
    );
    // Last: the quick exit leaves the page.
    await check(
      `${name}: exit-href and lock="off" reach the page: no Lock button; the quick exit button shows, and Shift three times puts exit-href in the page's place`,
      async () => {
        const { exit, lockOff } = article.features;
        assert.equal(
          await page.locator(exit).count(),
          1,
          `no ${exit} on the page`,
        );
        assert.equal(
          await page.locator(lockOff).count(),
          1,
          `no ${lockOff} on the page`,
        );
        const lock = page.locator(`${lockOff} button[part~="lock"]`);
        assert.equal(
          await lock.count(),
          1,
          "the journal has no lock button at all",
        );
        assert.equal(
          await lock.isVisible(),
          false,
          'the "Lock my answers" button shows despite lock="off"',
        );
        const button = page.locator(`${exit} button[part~="exit-button"]`);
        await button.waitFor({ state: "visible", timeout: 5_000 });
        assert.equal((await button.innerText()).trim(), "Exit this page");
        const history = await page.evaluate(() => history.length);
        const at = page.url();
        for (let i = 0; i < 3; i++) await page.keyboard.press("Shift");
        await page.waitForURL(`${origin}${article.EXIT}`, { timeout: 10_000 });
        assert.equal(
          await page.evaluate(() => history.length),
          history,
          `the exit added to the history instead of replacing ${at}`,
        );
        const exitFile = seen.requests.filter((u) =>
          u.startsWith(`${CDN_FILES}gentle-widgets-exit.js`),
        );
        assert.ok(exitFile.length, "the quick exit's file was not loaded");
        return `left for ${article.EXIT}`;
      },
    );
  } finally {
    await context.close();
  }
}

async function readWithoutJavaScript(post) {
  const name = `${post.role} / ${post.form.label}`;
  const { context, page, seen } = await reader(`${WP}/?p=${post.id}`, {
    javaScript: false,
  });
  try {
    await check(
      `${name}: with JavaScript off the text, the links and the booking link are visible`,
      async () => {
        const missing = [];
        for (const text of article.reads.texts) {
          if (
            !(await page
              .getByText(text, { exact: false })
              .first()
              .isVisible()
              .catch(() => false))
          )
            missing.push(`text "${text}"`);
        }
        for (const [href, label] of article.reads.links) {
          const link = page
            .locator(`a[href="${href}"], a[href="${origin}${href}"]`)
            .filter({ hasText: label })
            .first();
          if (!(await link.isVisible().catch(() => false)))
            missing.push(`link "${label}" → ${href}`);
        }
        post.saw.noJs = missing.length === 0;
        none(missing, `not visible without JavaScript: ${missing.join("; ")}`);
        assertClean(seen);
        return `${article.reads.texts.length} texts, ${article.reads.links.length} links`;
      },
    );
  } finally {
    await context.close();
  }
}

async function seededPostLoadsNothing() {
  // (not setting-boundaries-without-guilt: the seed gave it a title with a live <script>alert(1)</script>)
  for (const slug of [
    "grief-doesnt-follow-a-timeline",
    "a-journaling-exercise-to-face-your-scariest-thoughts",
  ]) {
    await check(
      `a seeded post without the elements (/${slug}/) loads no script or stylesheet of ours`,
      async () => {
        const html = await (await fetch(`${WP}/${slug}/`)).text();
        const inHtml = [...html.matchAll(/<(?:script|link)\b[^>]*>/g)]
          .map((m) => m[0])
          .filter((tag) => /gentle-widgets/.test(tag));
        none(inHtml, `the page names our files: ${inHtml.join(" ")}`);
        const { context, seen } = await reader(`${WP}/${slug}/`);
        try {
          const ours = seen.requests.filter((u) => u.startsWith(PLUGIN_FILES));
          none(ours, `Chromium requested our files: ${ours.join(", ")}`);
          assertClean(seen);
        } finally {
          await context.close();
        }
      },
    );
  }
}

async function authorAttempts(login = "sam") {
  const attempts = [
    {
      label: "HTML block",
      content: article.attemptsHtmlBlock(),
      storedClean: true,
    },
    {
      label: "shortcodes",
      content: article.attemptsShortcodes(),
      storedClean: false,
    },
  ];
  for (const attempt of attempts) {
    await check(
      `author's on*= and javascript: attempts in our ${attempt.label === "HTML block" ? "tags" : "shortcodes"} are gone from the stored content and the page`,
      async () => {
        const id = await create(
          login,
          `author, attempts (${attempt.label})`,
          attempt.content,
          "publish",
        );
        posts.push({
          role: "author",
          login,
          form: { key: "attempts", label: attempt.label },
          id,
          attempt: true,
        });
        const stored = await raw(login, id);
        const storedBad =
          stored.match(/\bon[a-z]+\s*=|javascript:|&#x61;script/gi) ?? [];
        // kses leaves shortcodes' text alone: their attributes are the plugin's to filter when it renders.
        if (attempt.storedClean)
          none(
            storedBad,
            `stored (context=edit raw) still has: ${storedBad.join(", ")}\n${stored}`,
          );
        assert.ok(
          stored.includes("Attempt"),
          "the attempt post stored nothing",
        );
        const rendered = (await rest(login, "GET", `/wp/v2/posts/${id}`)).json
          .content.rendered;
        const servedBad =
          rendered.match(/\son[a-z]+\s*=|javascript:|&#x61;script/gi) ?? [];
        none(
          servedBad,
          `served content still has: ${servedBad.join(", ")}\n${rendered}`,
        );
        for (const javaScript of [true, false]) {
          const { context, page, seen } = await reader(`${WP}/?p=${id}`, {
            javaScript,
          });
          try {
            if (javaScript) {
              await page
                .waitForFunction(
                  (tags) => tags.every((t) => customElements.get(t)),
                  TAGS,
                  { timeout: 10_000 },
                )
                .catch(() => {});
              for (const el of await page.locator(TAGS.join(",")).all()) {
                await el.hover({ timeout: 2_000 }).catch(() => {});
                await el
                  .click({ timeout: 2_000, trial: false, force: true })
                  .catch(() => {});
              }
              for (const link of await page
                .locator(".entry-content a, .wp-block-post-content a")
                .all()) {
                await link.hover({ timeout: 2_000 }).catch(() => {});
              }
            }
            const left = await scriptAttributes(page);
            none(
              left,
              `JavaScript ${javaScript ? "on" : "off"}: the page has ${left.join(", ")}`,
            );
            none(seen.dialogs, `a dialog opened: ${seen.dialogs.join(", ")}`);
          } finally {
            await context.close();
          }
        }
        return `post ${id}${attempt.storedClean ? "" : ", shortcode text kept as typed, output clean"}`;
      },
    );
  }
}

/**
 * `exit-href="javascript:…"` on a notice, as a Custom HTML block and as a shortcode, by the administrator
 * (unfiltered_html, like an editor) and an author (kses, like a contributor). What happens, measured on
 * WordPress 6.1: the administrator's tag is stored as written, and the element ignores it (no button, the
 * keys do nothing, a console warning); kses takes `javascript:` off the author's, as it does from `href`
 * (the plugin lists `exit-href` among the URL attributes), leaving a path on this site; a shortcode drops
 * the attribute for every role (esc_url). In no case does a `javascript:` exit run.
 */
async function exitAttempts() {
  const { href } = article.exitAttempt;
  const cases = [
    {
      role: "administrator",
      login: "admin",
      label: "HTML block",
      content: article.exitAttempt.htmlBlock,
      outcome: "kept",
    },
    {
      role: "author",
      login: "sam",
      label: "HTML block",
      content: article.exitAttempt.htmlBlock,
      outcome: "stripped",
    },
    {
      role: "administrator",
      login: "admin",
      label: "shortcode",
      content: article.exitAttempt.shortcodes,
      outcome: "dropped",
    },
    {
      role: "author",
      login: "sam",
      label: "shortcode",
      content: article.exitAttempt.shortcodes,
      outcome: "dropped",
    },
  ];
  const said = {
    kept: "stored as written, the element refuses it: no button, Shift ×3 does nothing, a warning",
    stripped: "kses takes javascript: off; what is left is a path on this site",
    dropped: "the shortcode leaves exit-href out",
  };
  const exitOf = (html) =>
    /<content-notice\b[^>]*?\sexit-href="([^"]*)"/.exec(html)?.[1] ?? null;
  for (const c of cases) {
    await check(
      `${c.role}'s javascript: exit-href (${c.label}): ${said[c.outcome]}`,
      async () => {
        const id = await create(
          c.login,
          `${c.role}, javascript: exit-href (${c.label})`,
          c.content(),
          "publish",
        );
        posts.push({
          role: c.role,
          login: c.login,
          form: { key: "exit-attempt", label: c.label },
          id,
          attempt: true,
        });
        const stored = await raw(c.login, id);
        const rendered = (await rest(c.login, "GET", `/wp/v2/posts/${id}`)).json
          .content.rendered;
        assert.match(
          rendered,
          /<content-notice\b/,
          "no <content-notice> served",
        );
        const servedExit = exitOf(rendered);
        if (c.outcome === "kept") {
          assert.equal(exitOf(stored), href, "not stored as written");
          assert.equal(servedExit, href, "not served as written");
        } else if (c.outcome === "stripped") {
          assert.doesNotMatch(
            stored,
            /javascript:/i,
            "stored with javascript:",
          );
          assert.equal(exitOf(stored), "alert('exit-href')");
          assert.equal(servedExit, "alert('exit-href')");
        } else {
          assert.equal(servedExit, null, `served exit-href="${servedExit}"`);
        }
        const { context, page, seen } = await reader(`${WP}/?p=${id}`);
        try {
          await page.waitForFunction(
            () =>
              document.querySelector("content-notice")?.shadowRoot?.childNodes
                .length,
            null,
            { timeout: 10_000 },
          );
          const button = page.locator(
            'content-notice button[part~="exit-button"]',
          );
          await page
            .waitForLoadState("networkidle", { timeout: 5_000 })
            .catch(() => {});
          const buttons = await button.count();
          if (c.outcome !== "kept") {
            const left = await scriptAttributes(page);
            none(left, `the page has ${left.join(", ")}`);
          }
          const at = page.url();
          const leaving = page
            .waitForURL((u) => u.href !== at, { timeout: 3_000 })
            .then(
              () => true,
              () => false,
            );
          for (let i = 0; i < 3; i++) await page.keyboard.press("Shift");
          const left = await leaving;
          none(seen.dialogs, `a dialog opened: ${seen.dialogs.join(", ")}`);
          if (c.outcome === "stripped") {
            // A path on this site is an exit the element accepts: it leads to this site's "not found".
            assert.equal(buttons, 1, "no exit button for a path on this site");
            assert.ok(left, "Shift ×3 did not leave");
            assert.ok(
              page.url().startsWith(`${origin}/`),
              `the exit went to ${page.url()}`,
            );
            return `stored exit-href="alert('exit-href')"; the exit leads to ${page.url().slice(origin.length)}`;
          }
          assert.equal(buttons, 0, "an exit button shows");
          assert.equal(left, false, `Shift ×3 left for ${page.url()}`);
          if (c.outcome === "kept") {
            const warned = seen.warnings.filter((w) =>
              w.includes(`exit-href="${href}" is not an http(s) URL`),
            );
            assert.ok(
              warned.length,
              `the element did not warn; warnings: ${seen.warnings.join(" | ") || "none"}`,
            );
            return `post ${id}: ${warned[0]}`;
          }
          return `post ${id}: no exit-href served`;
        } finally {
          await context.close();
        }
      },
    );
  }
}

function feedItems(xml) {
  return [...xml.matchAll(/<item>([\s\S]*?)<\/item>/g)].map(([, item]) => ({
    title: /<title>([^<]*)<\/title>/.exec(item)?.[1] ?? "",
    content:
      /<content:encoded><!\[CDATA\[([\s\S]*?)\]\]><\/content:encoded>/.exec(
        item,
      )?.[1] ?? "",
  }));
}

async function feeds() {
  await check(`the site's feed (/feed/) names none of our files`, async () => {
    const xml = await (await fetch(`${WP}/feed/`)).text();
    assert.match(xml, /<rss/);
    assert.doesNotMatch(xml, /plugins\/gentle-widgets/i);
  });
  for (const { role, login } of roles) {
    const mine = posts.filter(
      (p) => p.login === login && p.published && !p.attempt,
    );
    if (!mine.length) continue;
    await check(
      `the RSS feed carries the elements' light-DOM text (${role}'s posts)`,
      async () => {
        const xml = await (
          await fetch(`${WP}/?feed=rss2&author=${site.users[login].id}`)
        ).text();
        assert.doesNotMatch(
          xml,
          /plugins\/gentle-widgets/i,
          "the feed names our files",
        );
        const items = feedItems(xml);
        const problems = [];
        for (const post of mine) {
          const item = items.find((i) => i.title === post.title);
          if (!item) {
            problems.push(
              `${post.form.label}: post ${post.id} is not in the feed`,
            );
            continue;
          }
          if (/<script/i.test(item.content))
            problems.push(`${post.form.label}: the item has a <script>`);
          const unrendered =
            item.content.match(
              /\[\/?(content_notice|journal_prompts|book_call_cta|related_stories|resources)\b/g,
            ) ?? [];
          if (unrendered.length)
            problems.push(
              `${post.form.label}: shortcodes left as text: ${unrendered.join(" ")}`,
            );
          const missing = article.reads.texts.filter(
            (t) => !item.content.includes(t),
          );
          const links = article.reads.links.filter(
            ([href]) =>
              !item.content.includes(`href="${href}"`) &&
              !item.content.includes(`href="${origin}${href}"`),
          );
          if (missing.length)
            problems.push(
              `${post.form.label}: text missing: ${missing.join(" | ")}`,
            );
          if (links.length)
            problems.push(
              `${post.form.label}: links missing: ${links.map(([h]) => h).join(", ")}`,
            );
        }
        none(problems, problems.join("\n"));
        return `${mine.length} item(s)`;
      },
    );
  }
}

async function servedFiles() {
  await check(
    `the plugin serves its own copy of the CDN files under /wp-content/plugins/gentle-widgets/cdn/`,
    async () => {
      const problems = [];
      for (const file of ["gentle-widgets.js", "gentle-widgets.css"]) {
        const response = await fetch(`${CDN_FILES}${file}`);
        if (response.status !== 200) {
          problems.push(`${file}: HTTP ${response.status}`);
          continue;
        }
        const body = Buffer.from(await response.arrayBuffer());
        const built = join(root, "dist/cdn", file);
        if (!givenZip && existsSync(built) && !body.equals(readFileSync(built)))
          problems.push(`${file} differs from dist/cdn/${file}`);
      }
      none(problems, problems.join("\n"));
    },
  );
}

// ---- the table ----------------------------------------------------------------------------------

function table() {
  const rows = [
    [
      "role",
      "blocks",
      "HTML block",
      "shortcodes",
      "status path",
      "what the reader saw",
    ],
  ];
  for (const { role, login } of roles) {
    const mine = posts.filter((p) => p.login === login && !p.attempt);
    const cell = (key) => {
      const p = mine.find((q) => q.form.key === key);
      if (!p?.published) return "not published";
      if (p.kept === false) return "published, tags stripped";
      if (key === "blocks" && p.editorValid === false)
        return "published, invalid in editor";
      if (key === "blocks" && p.editorValid)
        return "published, valid in editor";
      return "published";
    };
    const saw = mine
      .filter((p) => p.published)
      .map((p) => {
        const s = p.saw ?? {};
        return [
          `${s.upgraded ?? 0}/${TOTAL} upgraded`,
          s.reveal ? "reveal works" : "reveal failed",
          s.noJs
            ? "JS off: text + links + booking link"
            : "JS off: something missing",
        ].join(", ");
      });
    const labels = mine.filter((p) => p.published).map((p) => p.form.label);
    const summary =
      saw.length && saw.every((line) => line === saw[0])
        ? `${saw[0]} (${labels.length === forms.length ? "all three" : labels.join(", ")})`
        : saw.map((line, i) => `${labels[i]}: ${line}`).join(" | ");
    const paths = [...new Set(mine.map((p) => p.path).filter(Boolean))];
    rows.push([
      role,
      cell("blocks"),
      cell("html"),
      cell("shortcodes"),
      paths.join("; ") || "-",
      summary || "-",
    ]);
  }
  const widths = rows[0].map((_, i) =>
    Math.max(...rows.map((r) => r[i].length)),
  );
  const line = (r) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  console.log(
    `\n${line(rows[0])}\n|${widths.map((w) => "-".repeat(w + 2)).join("|")}|\n${rows.slice(1).map(line).join("\n")}`,
  );
}

// ---- cleanup ----------------------------------------------------------------------------------

function cleanup() {
  const problems = [];
  const step = (what, fn) => {
    try {
      fn();
    } catch (error) {
      problems.push(
        `${what}: ${error.stderr?.toString().trim() || error.message}`,
      );
    }
  };
  if (keep) {
    console.log(
      `\n--keep: left ${posts.filter((p) => p.id).length} posts, the plugin and the application passwords in place`,
    );
  } else {
    step("posts", () => wpphp("posts-delete", TITLE));
    step("application passwords", () => wpphp("apppass-revoke", APP_NAME));
  }
  for (const file of muPlugins)
    step(`mu-plugin ${file}`, () => rmSync(file, { force: true }));
  return problems;
}

// ---- main -------------------------------------------------------------------------------------

async function main() {
  await precondition();
  await lock();
  site = wpphp("info");
  console.log(
    `WordPress ${site.wp_version} at ${WP}; plugin before the run: ${site.plugin ? `${site.plugin.Version}${site.active ? ", active" : ""}` : "none"}`,
  );

  let zip;
  let fatal;
  await phase("build the zip", async () => {
    await check(
      "npm run build:wordpress writes dist/wordpress/gentle-widgets.zip",
      async () => {
        zip = buildZip();
        return zip.replace(root, "");
      },
    );
  });
  if (!zip) fatal = "no zip to install";

  browser = await chromium.launch({
    executablePath: findChromium(),
    args: chromiumArgs,
    headless: true,
  });
  let admin;
  try {
    if (!fatal) {
      await phase("install in wp-admin", async () => {
        // A leftover from an interrupted run: posts first, so deleting the plugin sees a clean site.
        wpphp("posts-delete", TITLE);
        await check(
          "an older copy of the plugin is deleted first (deactivate + delete, uninstall.php runs)",
          async () => {
            const removed = wpphp("plugin-remove");
            assert.ok(removed.gone, "the plugin folder is still there");
            none(
              removed.options,
              `options left behind: ${removed.options.join(", ")}`,
            );
            return removed.had ? "there was one" : "there was none";
          },
        );
        // Debian's WordPress keeps core files root-owned, so WordPress would ask for FTP credentials
        // instead of writing wp-content/plugins itself; on a usual host it writes directly.
        if (site.fs_method !== "direct") {
          addMuPlugin(
            "gwtest-direct-filesystem.php",
            "<?php\n// test/wordpress/run.mjs, for its run only\nadd_filter( 'filesystem_method', function () { return 'direct'; } );\n",
          );
        }
        admin = await adminSession();
        const ok = await check(
          "the administrator uploads the zip in Plugins → Add New → Upload Plugin and activates it",
          () => install(admin, zip),
        );
        if (!ok) fatal = "the plugin is not installed";
        if (breakWith === "deactivate") {
          wpphp("plugin-deactivate");
          console.log("  ! --break deactivate: the plugin is now deactivated");
        }
        if (breakWith === "everywhere") {
          addMuPlugin(
            "gwtest-break-everywhere.php",
            `<?php\n// test/wordpress/run.mjs --break everywhere\nadd_action( 'wp_footer', function () { echo '<script type="module" src="' . esc_url( content_url( 'plugins/gentle-widgets/cdn/' . GENTLE_WIDGETS_VERSION . '/gentle-widgets.js' ) ) . '"></script>'; } );\n`,
          );
          console.log(
            "  ! --break everywhere: our script is now printed on every page",
          );
        }
      });
    }
    if (!fatal) {
      await phase("publish as each role (REST API)", async () => {
        passwords = wpphp("apppass-create", APP_NAME);
        await publishAll();
      });
      await phase("the block editor parses the blocks posts", () =>
        editorParses(admin),
      );
      await phase("read each published post in Chromium", async () => {
        for (const post of posts.filter((p) => p.published)) {
          await readWithJavaScript(post);
          await readWithoutJavaScript(post);
        }
      });
      await phase(
        "no script where there are no elements",
        seededPostLoadsNothing,
      );
      await phase("an author's script attempts", authorAttempts);
      await phase("a javascript: quick exit", exitAttempts);
      await phase("feeds", feeds);
      await phase("files served by the plugin", servedFiles);
    }
  } finally {
    await admin?.context.close().catch(() => {});
    await browser.close().catch(() => {});
  }
  if (fatal) record("the run stopped early", false, fatal);

  await phase("clean up", async () => {
    const problems = cleanup();
    if (!keep) {
      await check(
        "deleting the plugin (Plugins → Delete runs uninstall.php) leaves no option of ours behind",
        async () => {
          const removed = wpphp("plugin-remove");
          assert.ok(removed.gone, "the plugin folder is still there");
          none(
            removed.options,
            `options left behind: ${removed.options.join(", ")}`,
          );
        },
      );
    }
    if (problems.length) record("cleanup", false, problems.join("\n"));
  });

  table();
  console.log(
    `\ntimings: ${timings.map(([n, ms]) => `${n} ${seconds(ms)}`).join(", ")}; total ${seconds(performance.now() - started)}`,
  );
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    console.log(`\n${signal}: cleaning up`);
    try {
      cleanup();
      if (!keep && site) wpphp("plugin-remove");
    } finally {
      process.exit(130);
    }
  });
}

main().catch((error) => {
  console.error(error);
  try {
    if (site) cleanup();
  } catch {
    // reported above
  }
  process.exit(1);
});
