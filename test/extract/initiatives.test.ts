/**
 * Named initiatives in prose: those of a small curated list written for this test, and quoted
 * names in title case that the list does not have. One row per rule; expectations by hand.
 */
import { expect } from 'chai';
import { findInitiatives } from '../../src/extract/initiatives.js';
import type { KnownInitiative } from '../../src/extract/knowledge.js';

const KNOWN: KnownInitiative[] = [
  { key: 'digital-geneva-convention', name: 'Digital Geneva Convention', labels: ['Digital Geneva Convention', 'DGC'] },
  { key: 'harbour-pact', name: 'Harbour Pact', labels: ['Harbour Pact'] },
];
/** Names that look like initiatives but are not (the event's own name, say), in lower case. */
const EXCLUDED = new Set(['lake peace week']);

/** [title, text, from, to (undefined: the end), expected "key|name|span text@start" in text order]. */
const rows: Array<[string, string, number, number | undefined, string[]]> = [
  ['a listed name, in any case and spacing, kept as the text has it',
    'Ministers proposed a digital geneva\nconvention.', 0, undefined,
    ['digital-geneva-convention|Digital Geneva Convention|digital geneva\nconvention@21']],
  ['a listed alternative label, not inside a longer word',
    'The DGC is new; DGCs and ADGC are not it.', 0, undefined,
    ['digital-geneva-convention|Digital Geneva Convention|DGC@4']],
  ['a quoted name in title case that the list does not have',
    'She presented the ‘Safe Schools Online’ initiative.', 0, undefined,
    ['safe-schools-online|Safe Schools Online|Safe Schools Online@19']],
  ['function words may stand inside a quoted name, not first',
    'Two tools: “Maps for the People” and “for Peace Now”.', 0, undefined,
    ['maps-for-the-people|Maps for the People|Maps for the People@12']],
  ['a quoted sentence, a single word or a lower-case phrase is no name',
    'He said “We Need Data.” and ‘Peace’ and "shared tools for all".', 0, undefined,
    []],
  ['an excluded name is no initiative, whatever its case',
    'Welcome to the “Lake Peace Week”.', 0, undefined,
    []],
  ['a quoted listed name counts once, as the listed initiative',
    'They signed the "Harbour Pact" in May.', 0, undefined,
    ['harbour-pact|Harbour Pact|Harbour Pact@17']],
  ['several, in the order of the text',
    '‘Open Harbour Maps’ came after the Harbour Pact and before the DGC.', 0, undefined,
    ['open-harbour-maps|Open Harbour Maps|Open Harbour Maps@1', 'harbour-pact|Harbour Pact|Harbour Pact@35', 'digital-geneva-convention|Digital Geneva Convention|DGC@63']],
  ['only between `from` and `to`',
    'Harbour Pact. DGC. ‘Open Harbour Maps’.', 13, 18,
    ['digital-geneva-convention|Digital Geneva Convention|DGC@14']],
];

describe('extract/initiatives findInitiatives', () => {
  for (const [title, text, from, to, expected] of rows) {
    it(title, () => {
      const found = findInitiatives(text, from, to ?? text.length, KNOWN, EXCLUDED);
      expect(found.map(({ key, name, span }) => `${key}|${name}|${span.text}@${span.start}`)).to.deep.equal(expected);
      for (const { span } of found) expect(text.slice(span.start, span.start + span.text.length)).to.equal(span.text);
    });
  }
});
