/**
 * Any text given to the build either fails cleanly (refused, with the file named) or gives graph
 * files that N3, jsonld and rapper accept, whose Turtle and JSON-LD hold the same graph, built the
 * same way twice; every name extracted is a literal of the graph, unchanged.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildGraph } from '../../src/pipeline.js';
import { BUNDLED } from '../../src/paths.js';
import { DEFAULT_BASE } from '../../src/rdf/namespaces.js';
import { renderGraphFiles } from '../../src/write/outputs.js';
import { canonical } from '../write/isomorphic.js';
import { observatoryReport } from '../fixtures/bad/reports.js';
import { hostileName, hostileShape, hostileString } from './hostile.js';
import { parseJsonLd, parseWithN3, rapperRejects, requireRapper } from './rdf-outputs.js';

const speaker = fc.record({ honorific: fc.constantFrom('Mr', 'Ms', 'Dr', 'Prof.', 'H.E.'), name: hostileName(4), title: hostileString(4), organisation: hostileName(4), acronym: hostileString(1) });

/** Reports in the observatory's layout with hostile names, pure hostile text, and mangled copies of the sample. */
function reportTexts(sample: string): fc.Arbitrary<string> {
  return fc.oneof(
    fc.record({ event: hostileName(), reporter: hostileName(3), moderator: speaker, speaker }).map((people) => observatoryReport(people)),
    hostileString(30),
    // Long runs of the shapes that once made extraction quadratic, under a valid header.
    hostileShape().map((body) => `Forum 2019\n\n12 Mar 2019\nGeneva, Switzerland\n\nEvent report/s:\nLena Fischer\n\n${body}`),
    fc.tuple(fc.nat({ max: sample.length }), fc.nat({ max: sample.length }), hostileString(6))
      .map(([cut, at, insert]) => { const text = sample.slice(0, Math.max(cut, 200)); return `${text.slice(0, at)}${insert}${text.slice(at)}`; }),
  );
}

describe('properties: any report text builds cleanly or is refused cleanly', function () {
  this.timeout(120000);
  let dir: string;
  let sample: string;
  /** The Turtle of every built run, for rapper in the next case. */
  const turtles: string[] = [];
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'peacegraph-prop-build-'));
    sample = await readFile(join(BUNDLED.reports, 'geneva-peace-week-2017.txt'), 'utf8');
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('refused with the file named, or valid, isomorphic, stable output', async () => {
    let run = 0;
    await fc.assert(fc.asyncProperty(reportTexts(sample), async (text) => {
      const path = join(dir, `report-${run += 1}.txt`);
      await writeFile(path, text);
      const result = await buildGraph([path]);
      if (result.models.length === 0) {
        expect(result.failures.map((failure) => failure.path)).to.deep.equal([path]);
        expect(result.failures[0]!.problem).to.be.a('string').and.not.equal('');
        return;
      }
      const files = await renderGraphFiles(result.quads, DEFAULT_BASE);
      const turtle = files.get('graph.ttl')!;
      const graph = parseWithN3(turtle, 'Turtle');
      expect(canonical(await parseJsonLd(files.get('graph.jsonld')!))).to.equal(canonical(graph));
      turtles.push(turtle);
      const literals = new Set(graph.filter((quad) => quad.object.termType === 'Literal').map((quad) => quad.object.value));
      const extracted = result.models.flatMap((model) => [
        model.event.name,
        ...model.people.flatMap((person) => [person.name, ...person.jobTitles]),
        ...model.organisations.flatMap((organisation) => [organisation.name, ...(organisation.acronym === undefined ? [] : [organisation.acronym])]),
      ]);
      for (const value of extracted.filter((text) => text !== '')) expect(literals.has(value), JSON.stringify(value)).to.equal(true);
      const again = await renderGraphFiles((await buildGraph([path])).quads, DEFAULT_BASE);
      expect(again.get('graph.ttl')).to.equal(turtle);
    }), { numRuns: 30 });
  });

  it('rapper accepts the Turtle of every run above that built', function () {
    requireRapper(this);
    for (const turtle of turtles) expect(rapperRejects(turtle, 'turtle')).to.equal(undefined);
  });
});
