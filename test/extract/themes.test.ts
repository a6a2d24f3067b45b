/**
 * Themes of a stretch of text, matched on the labels of a small theme scheme written for this
 * test: one row per rule, with the counts and first matches worked out by hand.
 */
import { expect } from 'chai';
import { matchThemes } from '../../src/extract/themes.js';
import type { ThemeConcept } from '../../src/extract/knowledge.js';

const AI: ThemeConcept = { iri: 'urn:theme:ai', prefLabel: 'artificial intelligence', labels: ['artificial intelligence', 'AI', 'machine learning'] };
const DATA: ThemeConcept = { iri: 'urn:theme:data', prefLabel: 'big data', labels: ['big data'] };
const GIS: ThemeConcept = { iri: 'urn:theme:gis', prefLabel: 'GIS and satellite imagery', labels: ['GIS', 'satellite imagery'] };
const WOMEN: ThemeConcept = { iri: 'urn:theme:women', prefLabel: "women's rights", labels: ["women's rights"] };
const SCHEME = [AI, DATA, GIS, WOMEN];

/** [title, text, from, to (undefined: the end), expected "iri count first-text@first-start" in the order given]. */
const rows: Array<[string, string, number, number | undefined, string[]]> = [
  ['any case and any spacing for word labels; the first match is the earliest',
    'Machine learning, then Artificial Intelligence, then artificial\n intelligence.', 0, undefined,
    ['urn:theme:ai 3 Machine learning@0']],
  ['an all-capital label only in capitals, and never inside a word',
    'Is ai the answer? Thai and AIDS are not; AI. is, and so is (AI)', 0, undefined,
    ['urn:theme:ai 2 AI@41']],
  ['no match across a hyphen or run together',
    'big-data, bigdata, AI-driven and pre-GIS tools; only big data counts', 0, undefined,
    ['urn:theme:data 1 big data@53']],
  ['a typographic apostrophe matches a straight one',
    "Women’s rights and women's rights", 0, undefined,
    ["urn:theme:women 2 Women’s rights@0"]],
  ['several themes: the most mentioned first, ties by IRI',
    'GIS maps, satellite imagery and big data; big data again; AI', 0, undefined,
    ['urn:theme:data 2 big data@32', 'urn:theme:gis 2 GIS@0', 'urn:theme:ai 1 AI@58']],
  ['only from `from`: a match before it does not count',
    'big data. GIS map. big data', 10, undefined,
    ['urn:theme:data 1 big data@19', 'urn:theme:gis 1 GIS@10']],
  ['only up to `to`: a label cut by the end does not match',
    'big data. GIS map.', 0, 12,
    ['urn:theme:data 1 big data@0']],
  ['no theme', 'The weather in Geneva was fine.', 0, undefined, []],
];

describe('extract/themes matchThemes', () => {
  for (const [title, text, from, to, expected] of rows) {
    it(title, () => {
      const found = matchThemes(text, from, to ?? text.length, SCHEME);
      expect(found.map((match) => `${match.iri} ${match.count} ${match.first.text}@${match.first.start}`)).to.deep.equal(expected);
      for (const match of found) {
        expect(text.slice(match.first.start, match.first.start + match.first.text.length)).to.equal(match.first.text);
        expect(match.label).to.equal(SCHEME.find((concept) => concept.iri === match.iri)!.prefLabel);
      }
    });
  }
});
