/** Synthetic graphs for benchmarks: reports of 200 speakers each, mapped by the real map.ts. */
import { factory } from '../src/rdf/factory.js';
import type { Quad } from '@rdfjs/types';
import type { Evidence, ReportModel } from '../src/model/types.js';
import { mapReport } from '../src/rdf/map.js';
import { unionGraph } from '../src/rdf-io/serialise.js';

/** One synthetic report with `people` speakers spread over sessions of five. */
export function syntheticModel(index: number, people: number): ReportModel {
  const source = `report-${index}`;
  const span = (start: number): Evidence => ({ source, start, end: start + 10, exact: `text ${start}` });
  const personKeys = Array.from({ length: people }, (_, person) => `person-${index}-${person}`);
  return {
    source: { id: source, path: `${source}.txt`, text: '', sha256: '0'.repeat(64) },
    people: personKeys.map((key, person) => ({
      key, name: `Person ${index} ${person}`, honorific: 'Dr', jobTitles: ['Director'],
      affiliations: [{ organisationKey: `org-${person % 50}`, jobTitle: 'Director', evidence: span(person * 20) }],
      mentions: [span(person * 20 + 3)],
    })),
    organisations: Array.from({ length: 50 }, (_, org) => ({
      key: `org-${org}`, name: `Organisation ${org}`, acronym: `O${org}`, alternateNames: [], aliases: [], sameAs: [], evidence: [span(org)],
    })),
    initiatives: [],
    warnings: [],
    event: {
      key: `event-${index}`, name: `Event ${index}`, startDate: '2017-11-06', endDate: '2017-11-10',
      organisers: [], personMentions: [], sections: [],
      sessions: Array.from({ length: Math.ceil(people / 5) }, (_, session) => ({
        key: `event-${index}-${session}`, position: session + 1, name: `Session ${session}`,
        participations: personKeys.slice(session * 5, session * 5 + 5).map((personKey, slot) => ({
          personKey, role: 'speaker' as const, evidence: span(session * 100 + slot * 20),
        })),
        personMentions: [], organisationMentions: [], initiativeMentions: [], themes: [], evidence: span(session * 100),
      })),
    },
  };
}

/** At least `triples` distinct triples, in report named graphs. */
export function syntheticQuads(triples: number): Quad[] {
  const quads: Quad[] = [];
  for (let index = 0; unionGraph(quads).length < triples; index += 1) {
    quads.push(...mapReport(syntheticModel(index, 200), { factory }));
  }
  return quads;
}

export async function time<T>(label: string, run: () => Promise<T> | T): Promise<T> {
  const started = performance.now();
  const result = await run();
  console.log(`${label.padEnd(34)} ${((performance.now() - started) / 1000).toFixed(2)} s`);
  return result;
}
