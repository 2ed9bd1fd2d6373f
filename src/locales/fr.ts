import type { Locale } from '../shared/i18n.js';

/** French: each element's UI strings, in the order of its `keys` (src/<element>/strings.ts). */
const locale: Locale = {
  'content-notice':
    'Une distinction importante|Remarque importante|Avertissement de contenu|' +
      'Afficher ce passage|Masquer ce passage|Replier la note|Afficher la note|' +
      'Quitter cette page|Chargement.',
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
      'Cela n’a pas marché ; veuillez réessayer.|' +
      'Verrouiller mes réponses|Déverrouiller|Vos réponses sont verrouillées.',
  'journal-lock':
    'Choisissez une phrase secrète. Vos réponses seront enregistrées chiffrées, et seule cette phrase les ouvre.|' +
      'Si vous l’oubliez, vos réponses sont perdues : personne ne peut les récupérer, pas même le propriétaire de ce site.|' +
      'Phrase secrète|' +
      'La même phrase secrète, encore une fois|' +
      'Verrouiller|' +
      'Annuler|' +
      'Déverrouiller|' +
      'Cette phrase secrète n’ouvre pas ces réponses. Veuillez réessayer.|' +
      'Les deux phrases secrètes ne sont pas identiques.|' +
      'Un instant…|' +
      'Le stockage a refusé les réponses verrouillées ; rien n’a changé.|' +
      'Oubliée ? Effacer ces réponses|' +
      'Retirer le verrou|' +
      'Cela n’a pas marché dans ce navigateur ; rien n’a changé.',
  'book-call-cta':
    'Réserver un appel|Fermer|Ouvre {name}, un service externe qui peut déposer des cookies.|' +
      'L’ouvrir plutôt dans un nouvel onglet',
  'related-stories':
    '{n} min de lecture',
};

export default locale;
