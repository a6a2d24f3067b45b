/** Extraction measured against the hand-checked expectation for the bundled report. */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { loadKnowledge, type Knowledge } from '../../src/extract/knowledge.js';
import { extractReport } from '../../src/extract/report.js';
import type { ReportModel } from '../../src/model/types.js';
import { PROJECT_ROOT } from '../../src/paths.js';

interface Expected {
  people: Record<string, { name: string; honorific?: string; titles: string[]; organisations: string[] }>;
  reportersWithoutTitle: string[];
  sections: Array<{ reporter: string; summary?: boolean; moderator?: string; speakers?: string[] }>;
  event: { name: string; startDate: string; endDate: string; city: string; country: string; organisers: string[]; themeLine: string };
  organisationAcronyms: Record<string, string>;
  parents: Record<string, string>;
  initiatives: string[];
}

const expected = JSON.parse(readFileSync('test/fixtures/geneva-peace-week-2017.expected.json', 'utf8')) as Expected;
const text = readFileSync('data/reports/geneva-peace-week-2017.txt', 'utf8');

/** Precision, recall and F1 of extracted person->organisation pairs. */
export function pairScores(model: ReportModel, people: Expected['people']) {
  const found = new Set(model.people.flatMap((person) => person.affiliations.map((affiliation) => `${person.key}->${affiliation.organisationKey}`)));
  const wanted = new Set(Object.entries(people).flatMap(([key, person]) => person.organisations.map((organisation) => `${key}->${organisation}`)));
  const hits = [...found].filter((pair) => wanted.has(pair)).length;
  const precision = hits / found.size;
  const recall = hits / wanted.size;
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall), missing: [...wanted].filter((pair) => !found.has(pair)), extra: [...found].filter((pair) => !wanted.has(pair)) };
}

describe('extract/report on the bundled report', () => {
  let knowledge: Knowledge;
  let model: ReportModel;
  before(async () => {
    knowledge = await loadKnowledge(PROJECT_ROOT);
    model = extractReport({ id: 'geneva-peace-week-2017', path: 'geneva-peace-week-2017.txt', text, sha256: createHash('sha256').update(text).digest('hex') }, knowledge);
  });

  it('finds all 24 people named with a title or organisation, each once, and no one else but the reporters', () => {
    const keys = model.people.map((person) => person.key);
    expect(new Set(keys).size).to.equal(keys.length);
    const reporters = expected.reportersWithoutTitle.map((name) => model.people.find((person) => person.name === name)?.key);
    expect(reporters).not.to.include(undefined);
    expect([...keys].sort()).to.deep.equal([...Object.keys(expected.people), ...(reporters as string[])].sort());
  });

  it('types no organisation, place or event as a person', () => {
    const names = model.people.map((person) => person.name);
    for (const wrong of ['Geneva Peace Week', 'Geneva', 'Switzerland', 'Research Institute', 'Digital Geneva Convention', 'Made by Women']) {
      expect(names.some((name) => name.includes(wrong)), wrong).to.equal(false);
    }
  });

  it('pairs people with organisations at F1 >= 0.97', () => {
    const scores = pairScores(model, expected.people);
    expect(scores.missing, 'missing pairs').to.deep.equal([]);
    expect(scores.f1, JSON.stringify(scores)).to.be.at.least(0.97);
  });

  for (const [key, person] of Object.entries(expected.people)) {
    it(`${person.name}: name without honorific, honorific and job titles`, () => {
      const found = model.people.find((candidate) => candidate.key === key)!;
      expect(found.name).to.equal(person.name);
      expect(found.honorific).to.equal(person.honorific);
      expect([...found.jobTitles].sort()).to.deep.equal([...person.titles].sort());
    });
  }

  it('gives every section its reporter, and every session its moderator where the text names one', () => {
    expect(model.event.sections).to.have.length(expected.sections.length);
    expected.sections.forEach((section, index) => {
      const found = model.event.sections[index]!;
      expect(found.reporterKey, `section ${index + 1}`).to.equal(section.reporter);
      expect(found.sessionKey === undefined, `section ${index + 1} summary`).to.equal(section.summary === true);
      if (section.summary) return;
      const session = model.event.sessions.find((candidate) => candidate.key === found.sessionKey)!;
      const byRole = (role: string) => session.participations.filter((participation) => participation.role === role).map((participation) => participation.personKey);
      expect(byRole('moderator'), `section ${index + 1} moderator`).to.deep.equal(section.moderator ? [section.moderator] : []);
      expect(byRole('speaker'), `section ${index + 1} speakers`).to.deep.equal(section.speakers);
    });
  });

  it('links later surname-only mentions to the person and the session ("Bjorgo" is Einar Bjorgo)', () => {
    const firstSession = model.event.sessions[0]!;
    const bjorgo = firstSession.personMentions.filter((mention) => mention.key === 'einar-bjorgo');
    expect(bjorgo.map((mention) => mention.evidence.exact)).to.deep.equal(['Bjorgo', 'Bjorgo']);
  });

  it('finds the event header, closing description, organisers and theme line', () => {
    const { event } = model;
    expect([event.name, event.startDate, event.endDate, event.place?.city, event.place?.country]).to.deep.equal([
      expected.event.name, expected.event.startDate, expected.event.endDate, expected.event.city, expected.event.country]);
    expect(event.organisers.map((organiser) => organiser.key)).to.deep.equal(expected.event.organisers);
    expect(event.themeLine).to.equal(expected.event.themeLine);
    expect(event.place?.sameAs).to.deep.equal(['http://www.wikidata.org/entity/Q71']);
  });

  it('pairs organisation names with their acronyms and resolves typos and parents against the gazetteer', () => {
    const byKey = new Map(model.organisations.map((organisation) => [organisation.key, organisation]));
    for (const [key, acronym] of Object.entries(expected.organisationAcronyms)) expect(byKey.get(key)?.acronym, key).to.equal(acronym);
    for (const [child, parent] of Object.entries(expected.parents)) expect(byKey.get(child)?.parentKey, child).to.equal(parent);
    expect(byKey.get('unicri')?.name).to.equal('United Nations Interregional Crime and Justice Research Institute');
    expect(byKey.get('unicri')?.aliases).to.include('United National Interregional Crime and Justice Research Institute');
  });

  it('finds the named initiatives', () => {
    expect(model.initiatives.map((initiative) => initiative.name)).to.include.members(expected.initiatives);
  });

  it('links sessions to themes of the scheme', () => {
    const themes = (position: number) => model.event.sessions[position - 1]!.themes.map((link) => link.conceptIri.split('/').pop());
    expect(themes(1)).to.include.members(['big-data', 'gis-satellite', 'data-protection']);
    expect(themes(2)).to.include.members(['cyber-conflict', 'international-law']);
    expect(themes(3)).to.include.members(['child-safety-online', 'content-policy']);
    expect(themes(4)).to.include('artificial-intelligence');
    expect(themes(5)).to.include.members(['early-warning', 'gis-satellite']);
    expect(themes(6)).to.include.members(['e-commerce', 'womens-economic-empowerment', 'refugees-migrants']);
  });

  it('keeps the exact span of every fact', () => {
    const spans = [
      ...model.people.flatMap((person) => [...person.mentions, ...person.affiliations.map((affiliation) => affiliation.evidence)]),
      ...model.organisations.flatMap((organisation) => organisation.evidence),
      ...model.event.sessions.flatMap((session) => [...session.participations.map((participation) => participation.evidence), ...session.themes.map((link) => link.evidence), ...session.personMentions.map((mention) => mention.evidence)]),
    ];
    expect(spans.length).to.be.greaterThan(100);
    for (const span of spans) expect(text.slice(span.start, span.end)).to.equal(span.exact);
  });

  it('is deterministic', () => {
    const again = extractReport(model.source, knowledge);
    expect(JSON.stringify(again)).to.equal(JSON.stringify(model));
  });
});
