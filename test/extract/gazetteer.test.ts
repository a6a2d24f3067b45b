/** The organisation gazetteer (data/organisations.ttl) as data: it parses, and no look-up it feeds is ambiguous. */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadKnowledge, normaliseName, type Knowledge } from '../../src/extract/knowledge.js';
import { PROJECT_ROOT } from '../../src/paths.js';

const GAZETTEER = join(PROJECT_ROOT, 'data', 'organisations.ttl');

/** Values that occur for more than one organisation key. */
function shared(pairs: Array<[string, string]>): string[] {
  const owners = new Map<string, Set<string>>();
  for (const [value, key] of pairs) owners.set(value, (owners.get(value) ?? new Set()).add(key));
  return [...owners].filter(([, keys]) => keys.size > 1).map(([value, keys]) => `${value}: ${[...keys].join(', ')}`);
}

describe('data/organisations.ttl', () => {
  let knowledge: Knowledge;
  before(async () => { knowledge = await loadKnowledge(PROJECT_ROOT); });

  it('parses into organisations with one name each and keys usable as IRI segments', () => {
    expect(knowledge.organisations.length).to.be.at.least(100);
    for (const organisation of knowledge.organisations) expect(organisation.key, organisation.name).to.match(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    const text = readFileSync(GAZETTEER, 'utf8');
    const subjects = text.match(/^organisation:[\w-]+ a schema:Organization/gmu) ?? [];
    expect(subjects.length, 'every entry is read').to.equal(knowledge.organisations.length);
    for (const organisation of knowledge.organisations) {
      expect(text.match(new RegExp(`^organisation:${organisation.key} a `, 'gmu')), organisation.key).to.have.length(1);
    }
  });

  it('keeps the keys other files and earlier graphs use', () => {
    const keys = new Set(knowledge.organisations.map((organisation) => organisation.key));
    for (const key of ['un', 'unog', 'unitar', 'unosat', 'undp', 'ocha', 'unicri', 'unhcr', 'ohchr', 'unesco', 'itu', 'wipo', 'who', 'wto', 'itc', 'icrc', 'cern', 'gcsp', 'gichd', 'diplofoundation', 'geneva-internet-platform', 'interpeace', 'iep', 'graduate-institute', 'geneva-peacebuilding-platform', 'swiss-confederation', 'microsoft', 'diplomatic-council', 'diplomatic-council-global-speaking-forum', 'human-brain-project', 'buildup', 'made-by-women', 'permanent-mission-of-japan', 'european-union', 'council-of-europe', 'osce', 'icann', 'unidir', 'unicef']) {
      expect(keys.has(key), key).to.equal(true);
    }
  });

  it('maps no name or alias to two organisations', () => {
    const names = knowledge.organisations.flatMap((organisation) => [organisation.name, ...organisation.aliases].map((name): [string, string] => [normaliseName(name), organisation.key]));
    expect(shared(names)).to.deep.equal([]);
  });

  it('maps no acronym to two organisations, nor an acronym to another organisation\'s name', () => {
    const acronyms = knowledge.organisations.flatMap((organisation) => organisation.acronyms.map((acronym): [string, string] => [acronym, organisation.key]));
    expect(shared(acronyms)).to.deep.equal([]);
    const byName = new Map(knowledge.organisations.flatMap((organisation) => [organisation.name, ...organisation.aliases].map((name) => [normaliseName(name), organisation.key] as const)));
    for (const [acronym, key] of acronyms) {
      const named = byName.get(normaliseName(acronym));
      if (named !== undefined) expect(named, acronym).to.equal(key);
    }
  });

  it('names parents that exist, without cycles', () => {
    const byKey = new Map(knowledge.organisations.map((organisation) => [organisation.key, organisation]));
    for (const organisation of knowledge.organisations) {
      const seen = new Set([organisation.key]);
      for (let parent = organisation.parentKey; parent !== undefined; parent = byKey.get(parent)!.parentKey) {
        expect(byKey.has(parent), `${organisation.key} -> ${parent}`).to.equal(true);
        expect(seen.has(parent), `cycle through ${parent}`).to.equal(false);
        seen.add(parent);
      }
    }
  });

  it('links to Wikidata items only, one organisation per item, each link with the note of how it was verified', () => {
    const links = knowledge.organisations.flatMap((organisation) => organisation.sameAs.map((iri): [string, string] => [iri, organisation.key]));
    for (const [iri, key] of links) expect(iri, key).to.match(/^http:\/\/www\.wikidata\.org\/entity\/Q[1-9]\d*$/);
    expect(shared(links)).to.deep.equal([]);
    // The entry's first line follows a "# wd: [source] [source]" comment naming at least two sources.
    const lines = readFileSync(GAZETTEER, 'utf8').split('\n');
    for (const [, key] of links) {
      const at = lines.findIndex((line) => line.startsWith(`organisation:${key} a `));
      expect(lines[at - 1], key).to.match(/^# wd: (?:\[[^\]]+\] ?){2,}/);
    }
  });
});
