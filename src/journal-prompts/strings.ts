import { listed, type StringTable } from '../shared/i18n.js';

/**
 * The keys of `<journal-prompts>`'s UI strings, in the order each language lists them below. Every key
 * is also an attribute: `<key>-label` replaces that string (`copy-label="Copy my answers"`).
 */
export const keys = [
  'question', 'answer', 'previous', 'next', 'step', 'keep', 'session', 'local', 'none', 'memory', 'never',
  'copy', 'markdown', 'text', 'print', 'delete', 'confirm', 'copied', 'downloaded', 'deleted', 'failed',
] as const;

export type JournalPromptsString = (typeof keys)[number];

const language = (list: string) => listed(keys, list);

/** Built-in UI strings; in `step`, `{i}` is the step's number and `{n}` the number of steps. */
export const strings: StringTable<JournalPromptsString> = {
  en: language(
    'Your own question|Your answer|Previous|Next|{i} of {n}|Keep my answers on this device|' +
      'Your answers stay in this tab until you close it.|Your answers stay on this device.|Your answers are not saved.|' +
      'This browser blocks saving: your answers last until you leave this page.|They are never sent anywhere.|' +
      'Copy all|Download .md|Download .txt|Print|Delete my answers|Delete all your answers? This cannot be undone.|' +
      'Copied.|Downloaded.|Your answers are deleted.|Could not copy.',
  ),
  de: language(
    'Deine eigene Frage|Deine Antwort|Zurück|Weiter|{i} von {n}|Meine Antworten auf diesem Gerät behalten|' +
      'Deine Antworten bleiben in diesem Tab, bis du ihn schließt.|Deine Antworten bleiben auf diesem Gerät.|Deine Antworten werden nicht gespeichert.|' +
      'Dieser Browser blockiert das Speichern: Deine Antworten bleiben, bis du die Seite verlässt.|Sie werden nie irgendwohin gesendet.|' +
      'Alles kopieren|.md herunterladen|.txt herunterladen|Drucken|Meine Antworten löschen|Alle Antworten löschen? Das lässt sich nicht rückgängig machen.|' +
      'Kopiert.|Heruntergeladen.|Deine Antworten sind gelöscht.|Kopieren nicht möglich.',
  ),
  nl: language(
    'Je eigen vraag|Je antwoord|Vorige|Volgende|{i} van {n}|Mijn antwoorden op dit apparaat bewaren|' +
      'Je antwoorden blijven in dit tabblad tot je het sluit.|Je antwoorden blijven op dit apparaat.|Je antwoorden worden niet bewaard.|' +
      'Deze browser blokkeert opslaan: je antwoorden blijven tot je deze pagina verlaat.|Ze worden nooit ergens heen gestuurd.|' +
      'Alles kopiëren|.md downloaden|.txt downloaden|Afdrukken|Mijn antwoorden wissen|Al je antwoorden wissen? Dit kan niet ongedaan worden.|' +
      'Gekopieerd.|Gedownload.|Je antwoorden zijn gewist.|Kopiëren lukte niet.',
  ),
  fr: language(
    'Votre propre question|Votre réponse|Précédent|Suivant|{i} sur {n}|Garder mes réponses sur cet appareil|' +
      'Vos réponses restent dans cet onglet jusqu’à sa fermeture.|Vos réponses restent sur cet appareil.|Vos réponses ne sont pas enregistrées.|' +
      'Ce navigateur bloque l’enregistrement : vos réponses restent jusqu’à ce que vous quittiez la page.|Elles ne sont jamais envoyées nulle part.|' +
      'Tout copier|Télécharger en .md|Télécharger en .txt|Imprimer|Effacer mes réponses|Effacer toutes vos réponses ? C’est irréversible.|' +
      'Copié.|Téléchargé.|Vos réponses sont effacées.|Copie impossible.',
  ),
  es: language(
    'Tu propia pregunta|Tu respuesta|Anterior|Siguiente|{i} de {n}|Guardar mis respuestas en este dispositivo|' +
      'Tus respuestas se quedan en esta pestaña hasta que la cierres.|Tus respuestas se quedan en este dispositivo.|Tus respuestas no se guardan.|' +
      'Este navegador bloquea el guardado: tus respuestas duran hasta que salgas de la página.|Nunca se envían a ningún sitio.|' +
      'Copiar todo|Descargar .md|Descargar .txt|Imprimir|Borrar mis respuestas|¿Borrar todas tus respuestas? No se puede deshacer.|' +
      'Copiado.|Descargado.|Tus respuestas se han borrado.|No se pudo copiar.',
  ),
};
