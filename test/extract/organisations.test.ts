import { expect } from 'chai';
import fc from 'fast-check';
import { boundedEditDistance, OrganisationRegistry } from '../../src/extract/organisations.js';
import type { Knowledge, KnownOrganisation } from '../../src/extract/knowledge.js';
import { parseIdentityRules } from '../../src/extract/identity.js';

/** The textbook Levenshtein distance, to check the banded one against. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_unused, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

describe('extract/organisations', () => {
  describe('boundedEditDistance', () => {
    const cases: Array<[string, string, number]> = [
      ['united nations office', 'united nations office', 0],
      ['united national office', 'united nations office', 2],
      ['unitar', 'unitr', 1],
      ['', 'ab', 2],
      ['', 'abc', 3],
      ['geneva peacebuilding platform', 'geneva internet platform', 3],
      ['abcdef', 'badcfe', 3],
    ];
    for (const [a, b, expected] of cases) {
      it(`${JSON.stringify(a)} ~ ${JSON.stringify(b)}: ${expected}`, () => {
        expect(boundedEditDistance(a, b)).to.equal(expected);
        expect(boundedEditDistance(b, a)).to.equal(expected);
      });
    }

    it('is the edit distance when it is 2 or less, and 3 otherwise', () => {
      const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' '), maxLength: 12 });
      fc.assert(fc.property(word, word, (a, b) => {
        expect(boundedEditDistance(a, b)).to.equal(Math.min(editDistance(a, b), 3));
      }), { numRuns: 2000 });
    });
  });

  describe('OrganisationRegistry', () => {
    const parent: KnownOrganisation = { key: 'uno', name: 'Union of Nowhere', acronyms: ['UNO'], aliases: [], sameAs: [], url: 'https://uno.example.org/' };
    const child: KnownOrganisation = { key: 'exo', name: 'Example Office', acronyms: ['EXO'], aliases: [], parentKey: 'uno', sameAs: ['http://www.wikidata.org/entity/Q1'] };
    const knowledge: Knowledge = {
      organisations: [parent, child],
      organisationsByName: new Map([['union of nowhere', parent], ['example office', child]]),
      organisationsByAcronym: new Map([['UNO', parent], ['EXO', child]]),
      themes: [], initiatives: [], placeSameAs: new Map(), identity: parseIdentityRules('', 'none'),
    };

    it('carries the gazetteer website of an organisation and of the parent it adds, and none where the gazetteer has none', () => {
      const registry = new OrganisationRegistry(knowledge);
      registry.resolve('Example Office', 'EXO', { source: 't', start: 0, end: 14, exact: 'Example Office' });
      const byKey = new Map(registry.organisations().map((organisation) => [organisation.key, organisation]));
      expect(byKey.get('uno')?.url).to.equal('https://uno.example.org/');
      expect(byKey.get('exo')).to.not.have.property('url');
      expect(byKey.get('exo')?.sameAs).to.deep.equal(['http://www.wikidata.org/entity/Q1']);
    });
  });
});
