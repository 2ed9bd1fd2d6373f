import type { Locale } from '../shared/i18n.js';

/** German: each element's UI strings, in the order of its `keys` (src/<element>/strings.ts). */
const locale: Locale = {
  'content-notice':
    'Ein wichtiger Unterschied|Wichtiger Hinweis|Inhaltshinweis|Diesen Teil anzeigen|' +
      'Diesen Teil ausblenden|Hinweis einklappen|Hinweis anzeigen|' +
      'Diese Seite verlassen|Wird geladen.',
  'journal-prompts':
    'Deine eigene Frage|Deine Antwort|Zurück|Weiter|{i} von {n}|' +
      'Meine Antworten auf diesem Gerät behalten|' +
      'Deine Antworten bleiben in diesem Tab, bis du ihn schließt.|' +
      'Deine Antworten bleiben auf diesem Gerät.|Deine Antworten werden nicht gespeichert.|' +
      'Dieser Browser blockiert das Speichern: Deine Antworten bleiben, bis du die Seite verlässt.|' +
      'Sie werden nie irgendwohin gesendet.|Alles kopieren|.md herunterladen|.txt herunterladen|' +
      'Drucken|Meine Antworten löschen|' +
      'Alle Antworten löschen? Das lässt sich nicht rückgängig machen.|Kopiert.|Heruntergeladen.|' +
      'Deine Antworten sind gelöscht.|Kopieren nicht möglich.|' +
      'Das hat nicht geklappt; bitte versuche es noch einmal.|' +
      'Meine Antworten sperren|Entsperren|Deine Antworten sind gesperrt.',
  'journal-lock':
    'Wähle eine Passphrase. Deine Antworten werden verschlüsselt gespeichert, und nur diese Passphrase öffnet sie.|' +
      'Wenn du sie vergisst, sind deine Antworten verloren: Niemand kann sie wiederherstellen, auch nicht die Betreiber dieser Website.|' +
      'Passphrase|' +
      'Dieselbe Passphrase noch einmal|' +
      'Sperren|' +
      'Abbrechen|' +
      'Entsperren|' +
      'Diese Passphrase öffnet die Antworten nicht. Bitte versuche es noch einmal.|' +
      'Die beiden Passphrasen sind nicht gleich.|' +
      'Einen Moment …|' +
      'Der Speicher hat die gesperrten Antworten abgelehnt, daher hat sich nichts geändert.|' +
      'Vergessen? Diese Antworten löschen|' +
      'Sperre entfernen|' +
      'Das hat in diesem Browser nicht geklappt, daher hat sich nichts geändert.',
  'book-call-cta':
    'Gespräch buchen|Schließen|Öffnet {name}, einen externen Dienst, der Cookies setzen kann.|' +
      'Stattdessen in einem neuen Tab öffnen',
  'related-stories':
    '{n} Min. Lesezeit',
};

export default locale;
