import { expect } from 'chai';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseGold, readGold } from '../../src/eval/gold.js';

describe('eval/gold', () => {
  it('reads people, organisation forms, moderators and the start date', () => {
    const gold = parseGold('g.json', JSON.stringify({
      layout: 'news article: ...',
      event: { name: 'E', startDate: '2022-03-14' },
      sessions: [{ moderators: ['Ms Kim Lee'] }, { moderators: [] }],
      people: [
        { name: 'Ana Silva', organisations: ['WIPO'], roles: ['speaker'] },
        { name: 'Ola Nord', organisations: null, roles: ['moderator'] },
      ],
      organisations: [{ name: 'World Intellectual Property Organization', acronym: 'WIPO' }, { name: 'UNICEF', acronym: null }],
    }));
    expect(gold.layout).to.equal('news article: ...');
    expect(gold.startDate).to.equal('2022-03-14');
    expect([...gold.people.keys()]).to.deep.equal(['ana silva', 'ola nord']);
    expect(gold.people.get('ola nord')!.organisations).to.deep.equal([]);
    expect([...gold.organisationForms.get('wipo')!].sort()).to.deep.equal(['wipo', 'world intellectual property organization']);
    expect([...gold.organisationForms.get('unicef')!]).to.deep.equal(['unicef']);
    expect([...gold.moderators]).to.deep.equal([['kim lee', 'Ms Kim Lee'], ['ola nord', 'Ola Nord']]);
  });

  it('takes a missing or null start date as none', () => {
    expect(parseGold('g.json', '{"people": []}').startDate).to.equal(undefined);
    expect(parseGold('g.json', '{"people": [], "event": {"startDate": null}}').startDate).to.equal(undefined);
  });

  const bad: ReadonlyArray<readonly [string, string, string]> = [
    ['not JSON', '{"people": [', 'g.json: gold file is not valid JSON'],
    ['not an object', '[]', 'g.json: gold file: the whole file must be an object'],
    ['a person without a name', '{"people": [{"organisations": []}]}', 'g.json: gold file: people[0].name must be a string'],
    ['organisations not a list', '{"people": [{"name": "A B", "organisations": "ITU"}]}', 'g.json: gold file: people[0].organisations must be a list'],
    ['a person listed twice', '{"people": [{"name": "Ana Silva"}, {"name": "Ms ANA SILVA"}]}', 'g.json: gold file: people[1] ("Ms ANA SILVA") repeats people[0]: list each person once'],
    ['a date not in YYYY-MM-DD', '{"people": [], "event": {"startDate": "14 March 2022"}}', 'g.json: gold file: event.startDate must be YYYY-MM-DD or null, not "14 March 2022"'],
    ['a moderator not a string', '{"people": [], "sessions": [{"moderators": [3]}]}', 'g.json: gold file: sessions[0].moderators[0] must be a string'],
    ['an acronym not a string', '{"people": [], "organisations": [{"name": "ITU", "acronym": 1}]}', 'g.json: gold file: organisations[0].acronym must be a string'],
  ];
  for (const [what, text, message] of bad) {
    it(`refuses ${what}, naming the file and the field`, () => {
      expect(() => parseGold('g.json', text)).to.throw(message);
    });
  }

  it('names a gold file that is missing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'peacegraph-gold-'));
    try {
      const path = join(dir, 'absent.json');
      let message = '';
      await readGold(path).catch((error: Error) => (message = error.message));
      expect(message).to.equal(`${path}: gold file: no such file or folder`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
