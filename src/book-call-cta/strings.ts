import { listed, type StringTable } from '../shared/i18n.js';

/**
 * The keys of `<book-call-cta>`'s UI strings, in the order each language lists them below. Every key
 * is also an attribute: `<key>-label` replaces that string (`close-label="Back to the article"`).
 */
export const keys = ['book', 'close', 'consent', 'elsewhere'] as const;

export type BookCallCtaString = (typeof keys)[number];

const language = (list: string) => listed(keys, list);

/** Built-in UI strings; `{name}` is the scheduler's name ("Calendly") or the booking page's host. */
export const strings: StringTable<BookCallCtaString> = {
  en: language(
    'Book a call|Close|Opens {name}, an external service that may set cookies.|' +
      'Open it in a new tab instead',
  ),
  de: language(
    'Gespräch buchen|Schließen|Öffnet {name}, einen externen Dienst, der Cookies setzen kann.|' +
      'Stattdessen in einem neuen Tab öffnen',
  ),
  nl: language(
    'Gesprek boeken|Sluiten|Opent {name}, een externe dienst die cookies kan plaatsen.|' +
      'Liever in een nieuw tabblad openen',
  ),
  fr: language(
    'Réserver un appel|Fermer|Ouvre {name}, un service externe qui peut déposer des cookies.|' +
      'L’ouvrir plutôt dans un nouvel onglet',
  ),
  es: language(
    'Reservar una llamada|Cerrar|Abre {name}, un servicio externo que puede usar cookies.|' +
      'Abrirlo mejor en una pestaña nueva',
  ),
};
