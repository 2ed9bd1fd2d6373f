import type { StringTable } from '../shared/i18n.js';

/**
 * The keys of `<journal-prompts>`'s UI strings, in the order every language lists them. Every key
 * is also an attribute: `<key>-label` replaces that string (`copy-label="Copy my answers"`).
 */
export const keys = [
  'question', 'answer', 'previous', 'next', 'step', 'keep', 'session', 'local', 'none', 'memory', 'never',
  'copy', 'markdown', 'text', 'print', 'delete', 'confirm', 'copied', 'downloaded', 'deleted', 'failed', 'unavailable',
  'lock', 'unlock', 'locked',
] as const;

export type JournalPromptsString = (typeof keys)[number];

/**
 * Built-in UI strings; in `step`, `{i}` is the step's number and `{n}` the number of steps.
 * English here; the other languages in `src/locales/`.
 */
export const strings: StringTable<JournalPromptsString> = {
  name: 'journal-prompts',
  keys,
  en:
    'Your own question|Your answer|Previous|Next|{i} of {n}|Keep my answers on this device|' +
      'Your answers stay in this tab until you close it.|Your answers stay on this device.|' +
      'Your answers are not saved.|' +
      'This browser blocks saving: your answers last until you leave this page.|' +
      'They are never sent anywhere.|Copy all|Download .md|Download .txt|Print|Delete my answers|' +
      'Delete all your answers? This cannot be undone.|Copied.|Downloaded.|' +
      'Your answers are deleted.|Could not copy.|That did not work; please try again.|' +
      'Lock my answers|Unlock|Your answers are locked.',
};
