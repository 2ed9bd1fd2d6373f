// Storybook's own custom-elements.json reader keys every row by its bare name, so the `heading` and
// `resources` slots vanish under the parts of the same name, the default slot is dropped, each
// attribute also appears as a property. Site owners only have attributes, slots, parts, custom
// properties and events, so this reader shows exactly those, each under its own key, with controls
// where they make sense.
import { getCustomElements, type ArgTypes } from '@storybook/web-components-vite';
import type { SBType } from 'storybook/internal/types';

interface Item {
  name: string;
  description?: string;
  default?: string;
  type?: { text?: string };
  fieldName?: string;
}
interface Declaration {
  tagName?: string;
  description?: string;
  attributes?: Item[];
  members?: (Item & { kind?: string })[];
  events?: Item[];
  slots?: Item[];
  cssParts?: Item[];
  cssProperties?: Item[];
}
interface Manifest {
  modules?: { declarations?: Declaration[] }[];
}

/** The declaration of `tag` in the manifest given to `setCustomElementsManifest`. */
function declarationOf(tag: string): Declaration | undefined {
  const manifest = (getCustomElements() ?? {}) as Manifest;
  for (const module of manifest.modules ?? []) {
    for (const declaration of module.declarations ?? []) if (declaration.tagName === tag) return declaration;
  }
  return undefined;
}

/** `content-notice-reveal` → `onContentNoticeReveal`, the arg a story binds to the event. */
export function eventArg(event: string): string {
  return 'on' + event.replace(/(^|-)(\w)/g, (_, _dash, chr: string) => chr.toUpperCase());
}

const row = (item: Item, category: string, summary?: string) => ({
  name: item.name,
  description: item.description,
  table: {
    category,
    type: summary ? { summary } : undefined,
    defaultValue: item.default ? { summary: item.default } : undefined,
  },
});

/**
 * The arg type of an attribute's TypeScript type: booleans, strings, and unions of string
 * literals (a select); anything else (a named alias) is left to the story to describe.
 */
function typeOf(text: string): SBType {
  const parts = text.split('|').map((part) => part.trim()).filter((part) => part !== 'undefined');
  if (parts.length === 1 && (parts[0] === 'boolean' || parts[0] === 'string')) return { name: parts[0] };
  if (parts.length && parts.every((part) => /^(['"]).*\1$/.test(part))) {
    return { name: 'enum', value: parts.map((part) => part.slice(1, -1)) };
  }
  return { name: 'other', value: text };
}

/** The argTypes of one tag, for `parameters.docs.extractArgTypes`. */
export function extractArgTypes(tag: string): ArgTypes | null {
  const element = declarationOf(tag);
  if (!element) return null;
  const argTypes: ArgTypes = {};
  // Every row has a `type`: Storybook moves rows without one behind those it infers from the args.
  for (const attribute of element.attributes ?? []) {
    const field = element.members?.find((member) => member.name === attribute.fieldName);
    const type = attribute.type?.text ?? 'string';
    argTypes[attribute.name] = {
      ...row({ ...attribute, description: attribute.description || field?.description }, 'attributes', type.replace(/\s*\|\s*undefined\b/g, '')),
      type: typeOf(type),
    };
  }
  for (const event of element.events ?? []) {
    argTypes[eventArg(event.name)] = {
      ...row(event, 'events', event.type?.text),
      type: { name: 'function' },
      action: event.name,
      control: false,
    };
  }
  const fixed = (item: Item, category: string) => ({ ...row(item, category), control: false }) as const;
  for (const slot of element.slots ?? []) {
    const name = slot.name || '(default)';
    argTypes[`slot:${name}`] = fixed({ ...slot, name }, 'slots');
  }
  for (const part of element.cssParts ?? []) argTypes[`part:${part.name}`] = fixed(part, 'css shadow parts');
  for (const property of element.cssProperties ?? []) {
    argTypes[property.name] = { ...row(property, 'css custom properties'), type: { name: 'string' } };
  }
  return argTypes;
}

export function extractComponentDescription(tag: string): string | undefined {
  return declarationOf(tag)?.description;
}
