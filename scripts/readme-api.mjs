// Writes each element's API tables into README.md from custom-elements.json, between the markers
// <!-- api:TAG --> and <!-- /api:TAG -->, so the README never drifts from the JSDoc.
//   node scripts/readme-api.mjs          rewrite README.md
//   node scripts/readme-api.mjs --check  exit 1 if README.md is stale
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const manifest = JSON.parse(readFileSync(`${root}custom-elements.json`, 'utf8'));
const readmePath = `${root}README.md`;
const readme = readFileSync(readmePath, 'utf8');

const cell = (text = '') => String(text).replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|').trim();
const code = (text) => (text ? `\`${cell(text)}\`` : '');

function table(head, rows) {
  if (!rows.length) return '';
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function tablesFor(element) {
  const fields = new Map((element.members ?? []).filter((m) => m.kind === 'field').map((m) => [m.name, m]));
  const sections = [
    ['Attributes', table(['attribute', 'property', 'type', 'default', 'description'],
      (element.attributes ?? []).map((a) => {
        const field = fields.get(a.fieldName) ?? {};
        return [code(a.name), code(a.fieldName), code(a.type?.text ?? field.type?.text), code(a.default ?? field.default), cell(a.description ?? field.description)];
      }))],
    ['Methods', table(['method', 'description'],
      (element.members ?? [])
        .filter((m) => m.kind === 'method' && !m.static && (m.privacy ?? 'public') === 'public')
        .map((m) => [code(`${m.name}(${(m.parameters ?? []).map((p) => p.name).join(', ')})`), cell(m.description)]))],
    ['Slots', table(['slot', 'description'], (element.slots ?? []).map((s) => [s.name ? code(s.name) : '(default)', cell(s.description)]))],
    ['Events', table(['event', 'detail', 'description'], (element.events ?? []).map((e) => [code(e.name), code(e.type?.text), cell(e.description)]))],
    ['CSS parts', table(['part', 'description'], (element.cssParts ?? []).map((p) => [code(p.name), cell(p.description)]))],
    ['CSS custom properties', table(['property', 'default', 'description'], (element.cssProperties ?? []).map((p) => [code(p.name), code(p.default), cell(p.description)]))],
  ];
  return sections.filter(([, body]) => body).map(([title, body]) => `**${title}**\n\n${body}`).join('\n\n');
}

let next = readme;
for (const mod of manifest.modules) {
  for (const element of mod.declarations ?? []) {
    if (!element.customElement || !element.tagName) continue;
    const tag = element.tagName;
    const pattern = new RegExp(`(<!-- api:${tag} -->)[\\s\\S]*?(<!-- /api:${tag} -->)`);
    if (!pattern.test(next)) {
      console.error(`README.md has no <!-- api:${tag} --> … <!-- /api:${tag} --> markers.`);
      process.exit(1);
    }
    next = next.replace(pattern, (_, open, close) => `${open}\n<!-- generated from custom-elements.json by scripts/readme-api.mjs -->\n\n${tablesFor(element)}\n\n${close}`);
  }
}

if (process.argv.includes('--check')) {
  if (next !== readme) {
    console.error('README.md API tables are stale. Run `npm run analyze` and commit README.md.');
    process.exit(1);
  }
  console.log('README.md API tables match custom-elements.json.');
} else if (next !== readme) {
  writeFileSync(readmePath, next);
  console.log('README.md API tables updated.');
}
