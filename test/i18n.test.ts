import { expect, fixture, html } from '@open-wc/testing';
import { nearestLang, pickLanguage, translate, type StringTable } from '../src/shared/i18n.js';

const table: StringTable<'hello' | 'bye'> = {
  en: { hello: 'Hello', bye: 'Bye' },
  de: { hello: 'Hallo' },
};

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

  it('translates, falling back to English for a missing string', () => {
    expect(translate(table, 'de', 'hello')).to.equal('Hallo');
    expect(translate(table, 'de', 'bye')).to.equal('Bye');
    expect(translate(table, 'nl', 'hello')).to.equal('Hello');
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
