import type { StringTable } from '../shared/i18n.js';

export type ContentNoticeString =
  | 'distinction'
  | 'disclaimer'
  | 'warning'
  | 'reveal'
  | 'hide'
  | 'dismiss'
  | 'restore';

/** Built-in UI strings of `<content-notice>`; every one can be replaced by a slot or an attribute. */
export const strings: StringTable<ContentNoticeString> = {
  en: {
    distinction: 'An important distinction',
    disclaimer: 'Important note',
    warning: 'Content note',
    reveal: 'Show this part',
    hide: 'Hide this part',
    dismiss: 'Collapse note',
    restore: 'Show note',
  },
  de: {
    distinction: 'Ein wichtiger Unterschied',
    disclaimer: 'Wichtiger Hinweis',
    warning: 'Inhaltshinweis',
    reveal: 'Diesen Teil anzeigen',
    hide: 'Diesen Teil ausblenden',
    dismiss: 'Hinweis einklappen',
    restore: 'Hinweis anzeigen',
  },
  nl: {
    distinction: 'Een belangrijk onderscheid',
    disclaimer: 'Belangrijke opmerking',
    warning: 'Inhoudsmelding',
    reveal: 'Dit deel tonen',
    hide: 'Dit deel verbergen',
    dismiss: 'Melding inklappen',
    restore: 'Melding tonen',
  },
  fr: {
    distinction: 'Une distinction importante',
    disclaimer: 'Remarque importante',
    warning: 'Avertissement de contenu',
    reveal: 'Afficher ce passage',
    hide: 'Masquer ce passage',
    dismiss: 'Replier la note',
    restore: 'Afficher la note',
  },
  es: {
    distinction: 'Una distinción importante',
    disclaimer: 'Nota importante',
    warning: 'Aviso de contenido',
    reveal: 'Mostrar esta parte',
    hide: 'Ocultar esta parte',
    dismiss: 'Contraer la nota',
    restore: 'Mostrar la nota',
  },
};
