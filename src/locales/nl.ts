import type { Locale } from '../shared/i18n.js';

/** Dutch: each element's UI strings, in the order of its `keys` (src/<element>/strings.ts). */
const locale: Locale = {
  'content-notice':
    'Een belangrijk onderscheid|Belangrijke opmerking|Inhoudsmelding|Dit deel tonen|' +
      'Dit deel verbergen|Melding inklappen|Melding tonen',
  'journal-prompts':
    'Je eigen vraag|Je antwoord|Vorige|Volgende|{i} van {n}|' +
      'Mijn antwoorden op dit apparaat bewaren|' +
      'Je antwoorden blijven in dit tabblad tot je het sluit.|' +
      'Je antwoorden blijven op dit apparaat.|Je antwoorden worden niet bewaard.|' +
      'Deze browser blokkeert opslaan: je antwoorden blijven tot je deze pagina verlaat.|' +
      'Ze worden nooit ergens heen gestuurd.|Alles kopiëren|.md downloaden|.txt downloaden|' +
      'Afdrukken|Mijn antwoorden wissen|Al je antwoorden wissen? Dit kan niet ongedaan worden.|' +
      'Gekopieerd.|Gedownload.|Je antwoorden zijn gewist.|Kopiëren lukte niet.|' +
      'Dat lukte niet; probeer het nog eens.',
  'book-call-cta':
    'Gesprek boeken|Sluiten|Opent {name}, een externe dienst die cookies kan plaatsen.|' +
      'Liever in een nieuw tabblad openen',
  'related-stories':
    '{n} min lezen',
};

export default locale;
