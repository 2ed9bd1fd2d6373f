import { expect, fixture, html } from '@open-wc/testing';
import { strings as ctaStrings } from '../src/book-call-cta/strings.js';
import { strings } from '../src/content-notice/strings.js';
import { strings as lockStrings } from '../src/journal-prompts/lock.js';
import { strings as journalStrings } from '../src/journal-prompts/strings.js';
import de from '../src/locales/de.js';
import es from '../src/locales/es.js';
import fr from '../src/locales/fr.js';
import nl from '../src/locales/nl.js';
import { strings as storiesStrings } from '../src/related-stories/strings.js';
import { languageReady, nearestLang, pickLanguage, translate } from '../src/shared/i18n.js';

describe('i18n', () => {
  it('maps language tags to a supported language, English otherwise', () => {
    expect(pickLanguage('de')).to.equal('de');
    expect(pickLanguage('de-AT')).to.equal('de');
    expect(pickLanguage('NL')).to.equal('nl');
    expect(pickLanguage('fr_CA')).to.equal('fr');
    expect(pickLanguage(' es-419 ')).to.equal('es');
    expect(pickLanguage('pt-BR')).to.equal('en');
    expect(pickLanguage('')).to.equal('en');
  });

  it('has English at once, and another language once its file has loaded', async () => {
    expect(languageReady('en')).to.equal(undefined);
    expect(translate(strings, 'en', 'reveal')).to.equal('Show this part');
    expect(translate(strings, 'en', 'restore')).to.equal('Show note');
    const pending = languageReady('fr');
    if (pending) {
      // Not loaded by another test yet: English until it arrives.
      expect(translate(strings, 'fr', 'reveal')).to.equal('Show this part');
      await pending;
    }
    expect(languageReady('fr')).to.equal(undefined);
    expect(translate(strings, 'fr', 'reveal')).to.equal('Afficher ce passage');
    expect(translate(strings, 'fr', 'restore')).to.equal('Afficher la note');
  });

  it('lists every string in every language file, in the order of the keys', () => {
    for (const [lang, locale] of Object.entries({ de, nl, fr, es })) {
      expect(Object.keys(locale), lang).to.have.members(['content-notice', 'journal-prompts', 'journal-lock', 'book-call-cta', 'related-stories']);
      for (const table of [strings, journalStrings, lockStrings, ctaStrings, storiesStrings]) {
        const words = locale[table.name].split('|');
        expect(words, `${lang} ${table.name}`).to.have.length(table.keys.length);
        expect(words.every(Boolean), `${lang} ${table.name} has an empty string`).to.equal(true);
      }
    }
  });

  it('finds the nearest lang: the node, an ancestor, across shadow roots, then <html>', async () => {
    const outer = await fixture<HTMLDivElement>(html`<div lang="nl"><p><span id="own" lang="fr">x</span><span id="inherit">y</span></p></div>`);
    expect(nearestLang(outer.querySelector('#own')!)).to.equal('fr');
    expect(nearestLang(outer.querySelector('#inherit')!)).to.equal('nl');

    const host = outer.querySelector('p')!;
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<b>inside</b>';
    expect(nearestLang(root.querySelector('b')!)).to.equal('nl');

    const loose = document.createElement('i');
    expect(nearestLang(loose)).to.equal('');
    const previous = document.documentElement.getAttribute('lang');
    document.documentElement.lang = 'es';
    try {
      const inDocument = await fixture(html`<i>z</i>`);
      expect(nearestLang(inDocument)).to.equal('es');
    } finally {
      if (previous === null) document.documentElement.removeAttribute('lang');
      else document.documentElement.lang = previous;
    }
  });
});
