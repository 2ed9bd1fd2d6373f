// The "Embed snippet": what a site owner pastes into Squarespace's Code Injection or a WordPress
// Custom HTML block. It is built from the story's own rendered markup (decorators excluded), so it
// cannot drift from what the story shows, then tidied: one block element per line, boolean
// attributes written bare, and the CDN script line on top.
import { getCustomElements, type StoryContext } from '@storybook/web-components-vite';

export const cdnScript =
  '<script type="module" src="https://cdn.jsdelivr.net/npm/gentle-widgets@0.1.0/dist/cdn/gentle-widgets.js" integrity="sha384-ydPu7LOJYv+W3CZ+nl5XEmYunKu+H2dZJF+8mO9sKmpDY7HNzxyiz7TIjOXGs0uS" crossorigin="anonymous" fetchpriority="low"></script>';
export const cdnStylesheet =
  '<link rel="stylesheet" href="https://cdn.jsdelivr.net/npm/gentle-widgets@0.1.0/dist/cdn/gentle-widgets.css" integrity="sha384-UQoscpu52Xmpc3at1+G9pILwd2EBxmRupOrwRpwWXIiRsuXTDvc6BQAHPBGR5Zzr" crossorigin="anonymous">';

/** `parameters.embed` of a story. */
export interface EmbedParameters {
  /** Lines after the script line, such as the optional pre-upgrade stylesheet. */
  head?: string[];
  /** An HTML comment on top: what the site owner should know about this snippet. */
  note?: string;
  /** The markup to show instead of the rendered story (when the story shows a broken paste). */
  code?: string;
  /** Rewrites the rendered markup before it is tidied. */
  rewrite?: (html: string) => string;
}

const voidElements = new Set(['area', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const blockElements = new Set([
  'address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'dd', 'dt', 'figure', 'figcaption', 'footer',
  'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'section', 'summary',
  'table', 'ul', 'script', 'link', 'style',
]);

/** Every boolean attribute of every element in the manifest: written bare (`gate`, not `gate=""`). */
function booleanAttributes(): Set<string> {
  const names = new Set<string>();
  const manifest = getCustomElements() as {
    modules?: { declarations?: { attributes?: { name: string; type?: { text?: string } }[] }[] }[];
  };
  for (const module of manifest?.modules ?? []) {
    for (const declaration of module.declarations ?? []) {
      for (const attribute of declaration.attributes ?? []) if (attribute.type?.text === 'boolean') names.add(attribute.name);
    }
  }
  return names;
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
const isBlock = (node: Node): node is Element =>
  node instanceof Element && (blockElements.has(node.localName) || node.localName.includes('-'));

function startTag(element: Element, booleans: Set<string>): string {
  const attributes = [...element.attributes].map((attribute) =>
    attribute.value === '' && booleans.has(attribute.name)
      ? ` ${attribute.name}`
      : ` ${attribute.name}="${escapeAttribute(attribute.value)}"`,
  );
  return `<${element.localName}${attributes.join('')}>`;
}

/** Inline content on one line: whitespace collapsed, Lit's marker comments gone. */
function inline(node: Node, booleans: Set<string>): string {
  if (node instanceof Text) return (node.textContent ?? '').replace(/\s+/g, ' ').replace(/[&<>\u00a0]/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '\u00a0': 'nbsp' }[c]};`);
  if (node instanceof Comment) return /^\??(lit\$\d+\$)?$/.test(node.data) ? '' : `<!--${node.data}-->`;
  if (!(node instanceof Element)) return '';
  const children = [...(node instanceof HTMLTemplateElement ? node.content : node).childNodes];
  const inner = children.map((child) => inline(child, booleans)).join('');
  return voidElements.has(node.localName) ? startTag(node, booleans) : `${startTag(node, booleans)}${inner}</${node.localName}>`;
}

/** Lines of `nodes` at `depth`: block elements on their own lines, runs of inline content joined. */
function lines(nodes: Node[], depth: number, booleans: Set<string>): string[] {
  const out: string[] = [];
  const pad = '  '.repeat(depth);
  let run = '';
  const flush = () => {
    if (run.trim()) out.push(pad + run.trim());
    run = '';
  };
  for (const node of nodes) {
    if (!isBlock(node)) {
      run += inline(node, booleans);
      continue;
    }
    flush();
    const children = [...node.childNodes];
    if (voidElements.has(node.localName)) out.push(pad + startTag(node, booleans));
    else if (!children.some(isBlock)) {
      const inner = children.map((child) => inline(child, booleans)).join('').trim();
      out.push(`${pad}${startTag(node, booleans)}${inner}</${node.localName}>`);
    }
    else out.push(pad + startTag(node, booleans), ...lines(children, depth + 1, booleans), `${pad}</${node.localName}>`);
  }
  flush();
  return out;
}

/** Tidies an HTML fragment: one block per line, two-space indentation. */
export function tidy(html: string): string {
  const template = document.createElement('template');
  template.innerHTML = html;
  return lines([...template.content.childNodes], 0, booleanAttributes()).join('\n');
}

/** `parameters.docs.source.transform`: the story's markup as a site owner pastes it. */
export function embedSnippet(code: string, context: StoryContext): string {
  // The docs page hands an already transformed snippet back in once more: leave it as it is.
  if (code.includes(cdnScript)) return code;
  const embed: EmbedParameters = context.parameters.embed ?? {};
  const markup = embed.code ?? (embed.rewrite ? embed.rewrite(code) : code);
  const top = [embed.note ? `<!-- ${embed.note} -->` : '', cdnScript, ...(embed.head ?? [])].filter(Boolean);
  return `${top.join('\n')}\n\n${tidy(markup)}\n`;
}
