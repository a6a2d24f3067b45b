import { expect } from 'chai';
import { DataFactory } from 'n3';
import { createMinter, normaliseBase, slugify } from '../../src/rdf/iri.js';

describe('rdf/iri', () => {
  describe('slugify', () => {
    const cases: Array<[string, string]> = [
      ['Einar Bjorgo', 'einar-bjorgo'],
      ['Renée Larivière', 'renee-lariviere'],
      ['Jean-Marie le Goff', 'jean-marie-le-goff'],
      ['Geneva Peace Week 2017', 'geneva-peace-week-2017'],
      ['  Klaus-Ulrich  Moeller ', 'klaus-ulrich-moeller'],
      ['Straße', 'strasse'],
      ['مرحبا', 'x'],
      ['', 'x'],
      ['a/b#c?d', 'a-b-c-d'],
    ];
    for (const [input, expected] of cases) {
      it(`${JSON.stringify(input)} -> ${expected}`, () => expect(slugify(input)).to.equal(expected));
    }
    it('caps long slugs at 80 characters without a trailing dash', () => {
      const slug = slugify('word '.repeat(100));
      expect(slug.length).to.be.at.most(80);
      expect(slug).to.match(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    });
  });

  describe('normaliseBase', () => {
    it('adds a trailing slash', () => expect(normaliseBase('https://example.org/id')).to.equal('https://example.org/id/'));
    it('keeps a trailing hash', () => expect(normaliseBase('https://example.org/id#')).to.equal('https://example.org/id#'));
    for (const bad of ['not an iri', 'ftp://example.org/', 'urn:x:y', 'https://example.org/a b', 'https://example.org/<x>', 'https://example.org/id?x=1', 'https://example.org/id#frag']) {
      it(`refuses ${JSON.stringify(bad)}`, () => expect(() => normaliseBase(bad)).to.throw(/--base/));
    }
  });

  it('mints one IRI per kind and key under the base', () => {
    const mint = createMinter(DataFactory, 'https://example.org/kg');
    expect(mint('person', 'einar-bjorgo').value).to.equal('https://example.org/kg/person/einar-bjorgo');
    expect(mint('org', 'unitar').value).to.equal('https://example.org/kg/org/unitar');
  });
});
