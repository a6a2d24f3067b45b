/**
 * Test graphs shared by the write, validate, publish and docs tests: a small hand-made report
 * model that exercises every part of map.ts, and the real build of the bundled sample report.
 */
import { DataFactory } from 'n3';
import type { Quad } from '@rdfjs/types';
import type { Evidence, ReportModel } from '../../src/model/types.js';
import { mapReport } from '../../src/rdf/map.js';
import { NS } from '../../src/rdf/namespaces.js';
import type { BuildResult } from '../../src/pipeline.js';
import { BUNDLED } from '../../src/paths.js';

export const FIXTURE_BASE = 'https://example.org/id/';

const text =
  'Geneva Peace Week\n6 Nov 2017 to 10 Nov 2017\nGeneva, Switzerland\n' +
  'Ms Ada Lovelace, Director, Analytical Engines Unit (AEU), UNITAR, moderated. ' +
  'Mr Einar Bjorgo, Manager, UNOSAT, presented Mission Zhobia. Bjorgo added: "</script> is not code".';

const span = (exact: string, from = 0): Evidence => {
  const start = text.indexOf(exact, from);
  if (start < 0) throw new Error(`fixture: "${exact}" not in text`);
  return { source: 'fixture', start, end: start + exact.length, exact };
};

export const fixtureModel: ReportModel = {
  source: { id: 'fixture', path: 'reports/fixture.txt', text, sha256: 'ab'.repeat(32) },
  people: [
    {
      key: 'ada-lovelace', name: 'Ada Lovelace', honorific: 'Ms', jobTitles: ['Director'],
      affiliations: [{ organisationKey: 'aeu', jobTitle: 'Director', evidence: span('Ms Ada Lovelace, Director, Analytical Engines Unit (AEU)') }],
      mentions: [span('Ada Lovelace')],
    },
    {
      key: 'einar-bjorgo', name: 'Einar Bjorgo', honorific: 'Mr', jobTitles: ['Manager'],
      affiliations: [{ organisationKey: 'unosat', jobTitle: 'Manager', evidence: span('Mr Einar Bjorgo, Manager, UNOSAT') }],
      mentions: [span('Einar Bjorgo'), span('Bjorgo', text.indexOf('Bjorgo added'))],
    },
  ],
  organisations: [
    { key: 'aeu', name: 'Analytical Engines Unit', acronym: 'AEU', alternateNames: [], aliases: ['Analytic Engines Unit'], sameAs: [], evidence: [span('Analytical Engines Unit (AEU)')] },
    { key: 'unitar', name: 'United Nations Institute for Training and Research', acronym: 'UNITAR', alternateNames: [], aliases: [], sameAs: ['http://www.wikidata.org/entity/Q1426374'], evidence: [span('UNITAR')] },
    { key: 'unosat', name: 'UN Operational Satellite Applications Programme', acronym: 'UNOSAT', alternateNames: [], aliases: [], parentKey: 'unitar', sameAs: [], evidence: [span('UNOSAT')] },
  ],
  initiatives: [{ key: 'mission-zhobia', name: 'Mission Zhobia', evidence: [span('Mission Zhobia')] }],
  warnings: [],
  event: {
    key: 'geneva-peace-week-2017', name: 'Geneva Peace Week', nameEvidence: span('Geneva Peace Week'),
    startDate: '2017-11-06', endDate: '2017-11-10', description: 'A week on peace & tech <b>in Geneva</b>.',
    themeLine: 'Peace & tech',
    place: {
      key: 'geneva-switzerland', name: 'Geneva, Switzerland', city: 'Geneva', country: 'Switzerland',
      sameAs: ['http://www.wikidata.org/entity/Q71'], evidence: span('Geneva, Switzerland'),
    },
    organisers: [{ key: 'unitar', evidence: span('UNITAR') }],
    personMentions: [],
    sessions: [
      {
        key: 'geneva-peace-week-2017-1', position: 1, name: 'Satellites for peace', description: 'Satellite data and conflict prevention.',
        participations: [
          { personKey: 'ada-lovelace', role: 'moderator', evidence: span('Ms Ada Lovelace') },
          { personKey: 'einar-bjorgo', role: 'speaker', evidence: span('Mr Einar Bjorgo') },
        ],
        personMentions: [{ key: 'einar-bjorgo', evidence: span('Bjorgo', text.indexOf('Bjorgo added')) }],
        organisationMentions: [{ key: 'unosat', evidence: span('UNOSAT') }],
        initiativeMentions: [{ key: 'mission-zhobia', evidence: span('Mission Zhobia') }],
        themes: [{ conceptIri: `${NS.theme}gis`, evidence: span('UNOSAT') }],
        evidence: span('Mr Einar Bjorgo, Manager, UNOSAT'),
      },
      {
        key: 'geneva-peace-week-2017-2', position: 2, name: 'Closing',
        participations: [], personMentions: [], organisationMentions: [], initiativeMentions: [], themes: [],
        evidence: span('Bjorgo added'),
      },
    ],
    sections: [
      { key: 'fixture-1', position: 1, reporterKey: 'ada-lovelace', evidence: span('Ms Ada Lovelace') },
      { key: 'fixture-2', position: 2, reporterKey: 'ada-lovelace', sessionKey: 'geneva-peace-week-2017-1', evidence: span('Mr Einar Bjorgo') },
    ],
  },
};

const { namedNode, literal, quad } = DataFactory;

/** The one theme the fixture uses, as the ontology graph would hold it. */
function fixtureThemeQuads(): Quad[] {
  const graph = namedNode(`${FIXTURE_BASE}graph/ontology`);
  const concept = namedNode(`${NS.theme}gis`);
  const scheme = namedNode(`${NS.theme}scheme`);
  return [
    quad(concept, namedNode(`${NS.rdf}type`), namedNode(`${NS.skos}Concept`), graph),
    quad(concept, namedNode(`${NS.skos}prefLabel`), literal('GIS', 'en'), graph),
    quad(concept, namedNode(`${NS.skos}inScheme`), scheme, graph),
    quad(scheme, namedNode(`${NS.rdf}type`), namedNode(`${NS.skos}ConceptScheme`), graph),
  ];
}

/** The fixture graph as a build makes it: the report graph plus the ontology graph. */
export function fixtureQuads(): Quad[] {
  return [...mapReport(fixtureModel, { factory: DataFactory, base: FIXTURE_BASE }), ...fixtureThemeQuads()];
}

let sample: Promise<BuildResult> | undefined;

/** The bundled sample report, built once per test run. */
export function sampleBuild(): Promise<BuildResult> {
  // Imported lazily so the fixture-only tests do not load the whole extraction stage.
  sample ??= import('../../src/pipeline.js').then(({ buildGraph }) => buildGraph([BUNDLED.reports]));
  return sample;
}
