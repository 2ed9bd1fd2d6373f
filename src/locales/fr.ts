import type { Locale } from '../shared/i18n.js';

/** French: each element's UI strings, in the order of its `keys` (src/<element>/strings.ts). */
const locale: Locale = {
  'content-notice':
    'Une distinction importante|Remarque importante|Avertissement de contenu|' +
      'Afficher ce passage|Masquer ce passage|Replier la note|Afficher la note',
  'journal-prompts':
    'Votre propre question|Votre réponse|Précédent|Suivant|{i} sur {n}|' +
      'Garder mes réponses sur cet appareil|' +
      'Vos réponses restent dans cet onglet jusqu’à sa fermeture.|' +
      'Vos réponses restent sur cet appareil.|Vos réponses ne sont pas enregistrées.|' +
      'Ce navigateur bloque l’enregistrement : vos réponses restent jusqu’à ce que vous quittiez la page.|' +
      'Elles ne sont jamais envoyées nulle part.|Tout copier|Télécharger en .md|' +
      'Télécharger en .txt|Imprimer|Effacer mes réponses|' +
      'Effacer toutes vos réponses ? C’est irréversible.|Copié.|Téléchargé.|' +
      'Vos réponses sont effacées.|Copie impossible.|' +
      'Cela n’a pas marché ; veuillez réessayer.',
  'book-call-cta':
    'Réserver un appel|Fermer|Ouvre {name}, un service externe qui peut déposer des cookies.|' +
      'L’ouvrir plutôt dans un nouvel onglet',
  'related-stories':
    '{n} min de lecture',
};

export default locale;
