/**
 * The user's decisions on who is who (data/people-identity.tsv): parsed with errors naming file and
 * line, and applied by extraction: a same-as decision joins two spellings into one person, a
 * not-same-as decision sets apart the namesake of one report.
 */
import { expect } from 'chai';
import { loadKnowledge, type Knowledge } from '../../src/extract/knowledge.js';
import { extractReport } from '../../src/extract/report.js';
import { parseIdentityRules } from '../../src/extract/identity.js';
import { PROJECT_ROOT } from '../../src/paths.js';

const DECISIONS = [
  '# a comment',
  'same-as\tAnna Berg\tAnna Berg-Lund',
  'not-same-as\tMaria Rossi\trome-forum-2019.txt',
].join('\n');

describe('extract/identity', () => {
  const rules = parseIdentityRules(DECISIONS, 'decisions.tsv');

  const canonical: Array<[string, string]> = [
    ['Anna Berg', 'Anna Berg-Lund'],
    ['ANNA BERG', 'Anna Berg-Lund'],
    ['Änna Berg', 'Anna Berg-Lund'],
    ['Anna Lund', 'Anna Lund'],
  ];
  for (const [name, expected] of canonical) it(`"${name}" goes by "${expected}"`, () => expect(rules.canonical(name)).to.equal(expected));

  it('sets apart a name in the report named, and only there', () => {
    expect(rules.distinct('Maria Rossi', 'rome-forum-2019')).to.equal(true);
    expect(rules.distinct('maria rossi', 'rome-forum-2019')).to.equal(true);
    expect(rules.distinct('Maria Rossi', 'geneva-2020')).to.equal(false);
  });

  const bad: Array<[string, string]> = [
    ['an unknown decision', 'alias\tA B\tC D'],
    ['a missing name', 'same-as\tA B'],
    ['a field too many', 'same-as\tA B\tC D\tE F'],
  ];
  for (const [title, line] of bad) {
    it(`refuses ${title}, naming the file and line`, () => expect(() => parseIdentityRules(`# header\n${line}\n`, 'decisions.tsv')).to.throw(/^decisions\.tsv:2: /));
  }

  describe('applied by extraction', () => {
    let knowledge: Knowledge;
    before(async () => { knowledge = { ...(await loadKnowledge(PROJECT_ROOT)), identity: rules }; });
    const people = (id: string, text: string) =>
      extractReport({ id, path: `${id}.txt`, text, sha256: '' }, knowledge).people.map((person) => [person.key, person.name]);

    it('joins a spelling to the person a same-as decision names', () => {
      expect(people('talk', 'The panel heard Ms Anna Berg, Director of the Harbour Institute, on data.'))
        .to.deep.equal([['anna-berg-lund', 'Anna Berg-Lund']]);
    });

    it('gives the namesake of one report an IRI of its own', () => {
      const text = 'The panel heard Ms Maria Rossi, Director of the Harbour Institute, on data.';
      expect(people('rome-forum-2019', text)).to.deep.equal([['maria-rossi-rome-forum-2019', 'Maria Rossi']]);
      expect(people('geneva-2020', text)).to.deep.equal([['maria-rossi', 'Maria Rossi']]);
    });
  });

  it('the bundled decisions file parses', async () => {
    const knowledge = await loadKnowledge(PROJECT_ROOT);
    expect(knowledge.identity.canonical('Barbara Rosen Jacobson')).to.equal('Barbara Rosen Jacobson');
  });
});
