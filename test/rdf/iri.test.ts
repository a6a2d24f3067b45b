import { createHash } from 'node:crypto';
import { expect } from 'chai';
import { DataFactory } from 'n3';
import { createMinter, localName, localNameStart, nameIdentity, normaliseBase, slugify } from '../../src/rdf/iri.js';

describe('rdf/iri', () => {
  describe('slugify', () => {
    const cases: Array<[string, string]> = [
      ['Einar Bjorgo', 'einar-bjorgo'],
      ['Renée Larivière', 'renee-lariviere'],
      ['Jean-Marie le Goff', 'jean-marie-le-goff'],
      ['Geneva Peace Week 2017', 'geneva-peace-week-2017'],
      ['  Klaus-Ulrich  Moeller ', 'klaus-ulrich-moeller'],
      ['Straße', 'strasse'],
      ['Øystein Åsheim', 'oystein-asheim'],
      ['Nguyễn Văn An', 'nguyen-van-an'],
      ['O’Brien', 'o-brien'],
      ['', 'x'],
      ['a/b#c?d', 'a-b-c-d'],
    ];
    for (const [input, expected] of cases) {
      it(`${JSON.stringify(input)} -> ${expected}`, () => expect(slugify(input)).to.equal(expected));
    }

    // Latin script: the slug is the identity. "José" and "Jose" are one person (writers drop accents
    // on ASCII keyboards far more often than two people differ by an accent alone).
    const sameSlug: Array<[string, string]> = [
      ['José Ramírez', 'Jose Ramirez'],
      ['Straße', 'STRASSE'],
      ['𝔘𝔫𝔦𝔠𝔬𝔡𝔢 Ｆｕｌｌ', 'Unicode Full'],
      ['Jean-Marie le Goff', 'JEAN MARIE LE GOFF'],
      ['O’Brien', "O'Brien"],
      ['Σωκράτης Παπαδόπουλος', 'ΣΩΚΡΑΤΗΣ ΠΑΠΑΔΟΠΟΥΛΟΣ'],
      ['Σωκράτης Παπαδόπουλος', 'Σωκρατης Παπαδοπουλος'],
      ['Пётр Иванов', 'Петр Иванов'],
      ['مُحَمَّد علي', 'محمد علي'],
      ['Иван  Петров', 'Иван Петров'],
    ];
    for (const [a, b] of sameSlug) {
      it(`${JSON.stringify(a)} and ${JSON.stringify(b)} are one name`, () => {
        expect(slugify(a)).to.equal(slugify(b));
        expect(nameIdentity(a)).to.equal(nameIdentity(b));
      });
    }

    // Transliteration loses distinctions: every pair reads alike in ASCII and must stay apart.
    const apart: Array<[string, string]> = [
      ['王伟', '汪伟'],
      ['Иван Петров', 'Ivan Petrov'],
      ['Иван Петров', 'Иван Петрова'],
      ['ガ', 'カ'],
      ['राम', 'रम'],
      ['مرحبا', 'سلام'],
      ['Ηλίας', 'Ιλίας'],
    ];
    for (const [a, b] of apart) {
      it(`${JSON.stringify(a)} and ${JSON.stringify(b)} get different slugs`, () => expect(slugify(a)).to.not.equal(slugify(b)));
    }

    // Readable transliterations; the 8 hex digits after them are the identity's hash.
    const readable: Array<[string, RegExp]> = [
      ['Σωκράτης Παπαδόπουλος', /^sokratis-papadopoulos-[0-9a-f]{8}$/],
      ['Иван Петров', /^ivan-petrov-[0-9a-f]{8}$/],
      ['王小明', /^wang-xiao-ming-[0-9a-f]{8}$/],
      ['김정은', /^gim-jeong-eun-[0-9a-f]{8}$/],
      ['محمد بن سلمان', /^mhmd-bn-slmn-[0-9a-f]{8}$/],
      ['Dr. Иван Петров', /^dr-ivan-petrov-[0-9a-f]{8}$/],
    ];
    for (const [input, pattern] of readable) {
      it(`${JSON.stringify(input)} reads ${pattern}`, () => expect(slugify(input)).to.match(pattern));
    }

    it('the hash is the SHA-256 of the identity, independent of this implementation', () => {
      const expected = createHash('sha256').update('иван петров').digest('hex').slice(0, 8);
      expect(slugify('ИВАН  ПЕТРОВ')).to.equal(`ivan-petrov-${expected}`);
    });

    it('caps long slugs at 80 characters without a trailing dash', () => {
      const slug = slugify('word '.repeat(100));
      expect(slug.length).to.be.at.most(80);
      expect(slug).to.match(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      const suffixed = slugify('слово '.repeat(100));
      expect(suffixed.length).to.be.at.most(80);
      expect(suffixed).to.match(/^[a-z0-9-]+-[0-9a-f]{8}$/);
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

  describe('localName', () => {
    const cases: Array<[string, string]> = [
      ['https://peacegraph.org/id/person/jane-holt', 'jane-holt'],
      ['http://www.w3.org/2002/07/owl#sameAs', 'sameAs'],
      ['http://example.org/a#b/c', 'c'],
      ['http://example.org/a/b#c', 'c'],
      ['http://example.org/ns/', ''],
      ['urn:isbn:0451450523', 'urn:isbn:0451450523'],
    ];
    for (const [iri, expected] of cases) {
      it(`${iri} -> ${JSON.stringify(expected)}`, () => {
        expect(localName(iri)).to.equal(expected);
        expect(iri.slice(0, localNameStart(iri)) + expected).to.equal(iri);
      });
    }
  });
});
