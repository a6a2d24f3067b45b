/** Minted IRIs: for any name and any accepted base, a valid absolute IRI, the same on every run. */
import { expect } from 'chai';
import fc from 'fast-check';
import { DataFactory, Parser, Writer } from 'n3';
import { createMinter, nameIdentity, normaliseBase, slugify } from '../../src/rdf/iri.js';
import { DEFAULT_BASE, RESOURCE_KINDS } from '../../src/rdf/namespaces.js';
import { hostileString } from './hostile.js';

/** RFC 3987 absolute IRI: a scheme, then no character that IRIs exclude (space, controls, <>"{}|\^`). */
function isAbsoluteIri(iri: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:[^\u0000-\u0020<>"{}|\\^`\u007f-\u009f]+$/u.test(iri)) return false;
  return URL.canParse(iri);
}

const bases = fc.oneof(
  fc.constant(DEFAULT_BASE),
  fc.webUrl({ withQueryParameters: false, withFragments: false }),
  fc.webUrl().map((url) => `${url.replace(/#.*$/, '')}#`),
);

describe('properties: minted IRIs', () => {
  it('a slug is ASCII [a-z0-9-], at most 80 characters, and the same for the same text', () => {
    fc.assert(fc.property(hostileString(12), (text) => {
      const slug = slugify(text);
      expect(slug).to.match(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(slug.length).to.be.at.most(80);
      expect(slugify(text)).to.equal(slug);
      expect(slugify(text.normalize('NFD'))).to.equal(slugify(text.normalize('NFC')));
    }), { numRuns: 500 });
  });

  // Names as reports write them: words of one script, capitalised or in capitals, accented or not.
  const ALPHABETS = ['abcdeéfghiíjklmnñoöpqrsßtuüvwxyz', 'αάβγδεέζηήθιίκλμνξοόπρσςτυύφχψωώ', 'абвгдеёжзийклмнопрстуфхцчшщъыьэюя', '王汪伟小明李张刘陈杨'];
  const word = (alphabet: string) => fc.string({ unit: fc.constantFrom(...alphabet), minLength: 1, maxLength: 8 });
  const name = fc.constantFrom(...ALPHABETS).chain((alphabet) => fc.array(word(alphabet), { minLength: 1, maxLength: 4 })).map((words) => words.join(' '));

  it('a name slugs alike in capitals, capitalised, with accents dropped, hyphenated or NFD', () => {
    fc.assert(fc.property(name, (text) => {
      const capitalised = text.replace(/(^| )(.)/gu, (_whole, space: string, first: string) => `${space}${first.toUpperCase()}`);
      const variants = [text.toUpperCase(), capitalised, text.normalize('NFD').replace(/[\u0300-\u036f]/g, ''), text.replace(/ /g, '-'), text.normalize('NFD')];
      for (const variant of variants) expect(slugify(variant), variant).to.equal(slugify(text));
    }), { numRuns: 500 });
  });

  it('two names share a slug exactly when they are one name (same identity)', () => {
    fc.assert(fc.property(name, name, (a, b) => {
      expect(slugify(a) === slugify(b), `${a} / ${b}`).to.equal(nameIdentity(a) === nameIdentity(b));
    }), { numRuns: 1000 });
  });

  it('every kind, key and accepted base gives a valid absolute IRI that N3 writes and reads back unchanged', async () => {
    await fc.assert(fc.asyncProperty(bases, fc.constantFrom(...RESOURCE_KINDS), hostileString(8), async (base, kind, name) => {
      const iri = createMinter(DataFactory, base)(kind, slugify(name)).value;
      expect(isAbsoluteIri(iri), iri).to.equal(true);
      expect(iri.startsWith(normaliseBase(base))).to.equal(true);
      expect(createMinter(DataFactory, base)(kind, slugify(name)).value).to.equal(iri);
      const node = DataFactory.namedNode(iri);
      const turtle = new Writer().quadsToString([DataFactory.quad(node, node, node)]);
      expect(new Parser().parse(turtle)[0]!.subject.value).to.equal(iri);
    }), { numRuns: 300 });
  });

  it('bases that are not absolute http(s) IRIs are refused with a message naming them', () => {
    fc.assert(fc.property(hostileString(4).filter((text) => !/^https?:\/\/[^\s/]/i.test(text)), (base) => {
      expect(() => normaliseBase(base)).to.throw(/--base/);
    }), { numRuns: 200 });
  });
});
