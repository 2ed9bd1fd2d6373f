import type { Locale } from '../shared/i18n.js';

/** Dutch: each element's UI strings, in the order of its `keys` (src/<element>/strings.ts). */
const locale: Locale = {
  'content-notice':
    'Een belangrijk onderscheid|Belangrijke opmerking|Inhoudsmelding|Dit deel tonen|' +
      'Dit deel verbergen|Melding inklappen|Melding tonen|' +
      'Deze pagina verlaten|Bezig met laden.',
  'journal-prompts':
    'Je eigen vraag|Je antwoord|Vorige|Volgende|{i} van {n}|' +
      'Mijn antwoorden op dit apparaat bewaren|' +
      'Je antwoorden blijven in dit tabblad tot je het sluit.|' +
      'Je antwoorden blijven op dit apparaat.|Je antwoorden worden niet bewaard.|' +
      'Deze browser blokkeert opslaan: je antwoorden blijven tot je deze pagina verlaat.|' +
      'Ze worden nooit ergens heen gestuurd.|Alles kopiëren|.md downloaden|.txt downloaden|' +
      'Afdrukken|Mijn antwoorden wissen|Al je antwoorden wissen? Dit kan niet ongedaan worden.|' +
      'Gekopieerd.|Gedownload.|Je antwoorden zijn gewist.|Kopiëren lukte niet.|' +
      'Dat lukte niet; probeer het nog eens.|' +
      'Mijn antwoorden vergrendelen|Ontgrendelen|Je antwoorden zijn vergrendeld.',
  'journal-lock':
    'Kies een wachtzin. Je antwoorden worden versleuteld bewaard, en alleen deze wachtzin opent ze.|' +
      'Vergeet je hem, dan zijn je antwoorden weg: niemand kan ze terughalen, ook de eigenaar van deze site niet.|' +
      'Wachtzin|' +
      'Dezelfde wachtzin nog een keer|' +
      'Vergrendelen|' +
      'Annuleren|' +
      'Ontgrendelen|' +
      'Met deze wachtzin gaan de antwoorden niet open. Probeer het gerust nog eens.|' +
      'De twee wachtzinnen zijn niet gelijk.|' +
      'Een moment…|' +
      'De opslag weigerde de vergrendelde antwoorden, dus er is niets veranderd.|' +
      'Vergeten? Deze antwoorden wissen|' +
      'Vergrendeling opheffen|' +
      'Dit lukte niet in deze browser, dus er is niets veranderd.',
  'book-call-cta':
    'Gesprek boeken|Sluiten|Opent {name}, een externe dienst die cookies kan plaatsen.|' +
      'Liever in een nieuw tabblad openen',
  'related-stories':
    '{n} min lezen',
};

export default locale;
