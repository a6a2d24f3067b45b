import { expect } from 'chai';
import { Parser } from 'n3';
import { parseGold } from '../../src/eval/gold.js';
import { GraphIndex } from '../../src/eval/graph-index.js';
import { normaliseName } from '../../src/eval/normalise.js';
import { organisationMatches, scorePage, scoreUnbuilt } from '../../src/eval/score.js';
import { SCORER_CASES } from './scorer-cases.js';

describe('eval/score', () => {
  for (const { name, turtle, gold, expected } of SCORER_CASES) {
    it(name, () => {
      const score = scorePage(new GraphIndex(new Parser().parse(turtle)), parseGold('case.json', JSON.stringify(gold)));
      expect({
        people: { found: score.people.found, predicted: score.people.predicted, gold: score.people.gold, duplicates: score.people.duplicates },
        pairs: { predictedRight: score.pairs.predictedRight, predicted: score.pairs.predicted, goldFound: score.pairs.goldFound, gold: score.pairs.gold },
        moderators: { found: score.moderators.found, predicted: score.moderators.predicted, gold: score.moderators.gold },
        dateRight: score.startDate.right,
        missing: score.people.missed.map(normaliseName).sort(),
        extra: score.people.extra.map(normaliseName).sort(),
      }).to.deep.equal(expected);
    });
  }

  it('names what was missed and extra, as written', () => {
    const turtle = `@prefix schema: <http://schema.org/> . @prefix pg: <https://w3id.org/peacegraph/ontology#> .
      <x:a> a schema:Person ; schema:name "Ms Ana Silva" ; schema:affiliation <x:oecd> .
      <x:oecd> schema:name "OECD" .
      <x:s> pg:moderator <x:b> . <x:b> schema:name "Bo Li" .`;
    const gold = { people: [{ name: 'Ana Silva', organisations: ['WIPO'] }, { name: 'Carl Ek', organisations: ['ITU'] }], sessions: [{ moderators: ['Dana Ro'] }] };
    const score = scorePage(new GraphIndex(new Parser().parse(turtle)), parseGold('case.json', JSON.stringify(gold)));
    expect(score.people.missed).to.deep.equal(['Carl Ek']);
    expect(score.pairs.missed).to.deep.equal(['Ana Silva — WIPO', 'Carl Ek — ITU']);
    expect(score.pairs.extra).to.deep.equal(['Ms Ana Silva — OECD']);
    expect(score.moderators.missed).to.deep.equal(['Dana Ro']);
    expect(score.moderators.extra).to.deep.equal(['Bo Li']);
  });

  it('a page not built finds nothing, misses everything, and its date counts as wrong even without a gold date', () => {
    const score = scoreUnbuilt(parseGold('case.json', JSON.stringify({ people: [{ name: 'Ana Silva', organisations: ['WIPO', 'ITU'] }], event: { startDate: null } })));
    expect(score.built).to.equal(false);
    expect(score.people).to.include({ found: 0, predicted: 0, gold: 1 });
    expect(score.pairs).to.include({ predicted: 0, goldFound: 0, gold: 2 });
    expect(score.startDate.right).to.equal(false);
  });

  const matches: ReadonlyArray<readonly [string[], string[], boolean]> = [
    [['itu'], ['international telecommunication union', 'itu'], true],
    [['telecommunication union'], ['international telecommunication union'], true],
    [['union'], ['international telecommunication union'], false],
    [['world trade organization geneva'], ['world trade organization'], true],
    // Containment is of text, not of whole words (as in score.py).
    [['ab cd'], ['xab cde'], true],
  ];
  for (const [labels, forms, expected] of matches) {
    it(`organisation labels ${JSON.stringify(labels)} ${expected ? 'match' : 'do not match'} ${JSON.stringify(forms)}`, () => {
      expect(organisationMatches(new Set(labels), new Set(forms))).to.equal(expected);
    });
  }
});
