/**
 * Hostile strings in every text field of a report model survive mapping and every serialisation:
 * N3, jsonld and rapper parse the written files, all formats hold the same graph, and each string
 * comes back as the exact lexical form of a literal.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { DataFactory } from 'n3';
import type { Quad } from '@rdfjs/types';
import type { Evidence, ReportModel } from '../../src/model/types.js';
import { mapReport } from '../../src/rdf/map.js';
import { slugify } from '../../src/rdf/iri.js';
import { renderGraphFiles } from '../../src/write/outputs.js';
import { fixtureModel, FIXTURE_BASE } from '../write/fixture.js';
import { canonical, union } from '../write/isomorphic.js';
import { hostileName, hostileString } from './hostile.js';
import { parseJsonLd, parseWithN3, rapperRejects, requireRapper } from './rdf-outputs.js';

interface HostileFields {
  readonly people: Array<{ name: string; honorific: string; title: string }>;
  readonly organisation: { name: string; acronym: string; alias: string };
  readonly eventName: string;
  readonly description: string;
  readonly place: { name: string; city: string; country: string; street: string };
  readonly sessionName: string;
  readonly initiative: string;
  readonly quote: string;
}

const fields: fc.Arbitrary<HostileFields> = fc.record({
  people: fc.array(fc.record({ name: hostileName(), honorific: hostileString(2), title: hostileString() }), { minLength: 1, maxLength: 3 }),
  organisation: fc.record({ name: hostileName(), acronym: hostileString(2), alias: hostileString() }),
  eventName: hostileName(),
  description: hostileString(12),
  place: fc.record({ name: hostileName(), city: hostileString(3), country: hostileString(3), street: hostileString(4) }),
  sessionName: hostileName(),
  initiative: hostileName(),
  quote: hostileName(),
});

/** The fixture model with every text field replaced; the quote becomes evidence in the source text. */
function hostileModel(values: HostileFields): ReportModel {
  const base = fixtureModel;
  const text = `${base.source.text}\n${values.quote}`;
  const quote: Evidence = { source: base.source.id, start: text.length - values.quote.length, end: text.length, exact: values.quote };
  const people = values.people.map((person, index) => ({
    key: `${slugify(person.name)}-${index}`, name: person.name, honorific: person.honorific, jobTitles: [person.title],
    affiliations: [{ organisationKey: 'aeu', jobTitle: person.title, evidence: quote }], mentions: [quote],
  }));
  const [aeu, ...organisations] = base.organisations;
  const [session, ...sessions] = base.event.sessions;
  return {
    ...base,
    source: { ...base.source, text },
    people,
    organisations: [{ ...aeu!, name: values.organisation.name, acronym: values.organisation.acronym, alternateNames: [], aliases: [values.organisation.alias] }, ...organisations],
    initiatives: [{ key: slugify(values.initiative), name: values.initiative, evidence: [quote] }],
    event: {
      ...base.event,
      name: values.eventName, description: values.description, themeLine: values.description,
      place: { ...base.event.place!, name: values.place.name, city: values.place.city, country: values.place.country, streetAddress: values.place.street },
      sessions: [{ ...session!, name: values.sessionName, description: values.description, participations: [], personMentions: [], initiativeMentions: [] }, ...sessions],
      sections: [],
      organisers: [],
    },
  };
}

/** Every non-empty string the model holds in a field that becomes a literal. */
function literalStrings(values: HostileFields): string[] {
  return [
    ...values.people.flatMap((person) => [person.name, person.honorific, person.title]),
    values.organisation.name, values.organisation.acronym, values.organisation.alias,
    values.eventName, values.description, values.sessionName, values.initiative, values.quote,
    values.place.name, values.place.city, values.place.country, values.place.street,
  ].filter((value) => value !== '');
}

function literalValues(quads: readonly Quad[]): Set<string> {
  return new Set(quads.filter((quad) => quad.object.termType === 'Literal').map((quad) => quad.object.value));
}

describe('properties: hostile strings through mapping and serialisation', function () {
  this.timeout(60000);
  /** The files of every run, for rapper in the next case. */
  const written: Array<ReadonlyMap<string, string>> = [];

  it('every format parses (N3, jsonld), holds the same graph, and keeps each string exactly', async () => {
    await fc.assert(
      fc.asyncProperty(fields, async (values) => {
        const quads = mapReport(hostileModel(values), { factory: DataFactory, base: FIXTURE_BASE });
        const files = await renderGraphFiles(quads, FIXTURE_BASE);
        // The facts and their evidence, apart: together, the mapped graph.
        const evidence = parseWithN3(files.get('evidence.nt')!, 'N-Triples');
        const turtle = [...parseWithN3(files.get('graph.ttl')!, 'Turtle'), ...evidence];
        const expected = canonical(union(quads));
        expect(canonical(turtle), 'Turtle').to.equal(expected);
        expect(canonical([...parseWithN3(files.get('graph.nt')!, 'N-Triples'), ...evidence]), 'N-Triples').to.equal(expected);
        expect(canonical([...parseWithN3(files.get('graph.trig')!, 'TriG'), ...parseWithN3(files.get('evidence.trig')!, 'TriG')]), 'TriG').to.equal(canonical(quads));
        expect(canonical([...await parseJsonLd(files.get('graph.jsonld')!), ...evidence]), 'JSON-LD').to.equal(expected);
        const values_ = literalValues(turtle);
        for (const value of literalStrings(values)) expect(values_.has(value), `literal ${JSON.stringify(value)}`).to.equal(true);
        written.push(files);
      }),
      { numRuns: 40 },
    );
  });

  it('rapper accepts the Turtle, N-Triples and TriG (facts and evidence) of every run above', function () {
    requireRapper(this);
    expect(written).to.not.be.empty;
    for (const files of written) {
      expect(rapperRejects(files.get('graph.ttl')!, 'turtle')).to.equal(undefined);
      expect(rapperRejects(files.get('graph.nt')!, 'ntriples')).to.equal(undefined);
      expect(rapperRejects(files.get('graph.trig')!, 'trig')).to.equal(undefined);
      expect(rapperRejects(files.get('evidence.nt')!, 'ntriples')).to.equal(undefined);
      expect(rapperRejects(files.get('evidence.trig')!, 'trig')).to.equal(undefined);
    }
  });
});
