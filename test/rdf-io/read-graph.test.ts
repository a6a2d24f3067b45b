import { expect } from 'chai';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readGraphFile } from '../../src/rdf-io/read-graph.js';
import { toNQuads, toNTriples, toTriG, toTurtle } from '../../src/rdf-io/serialise.js';
import { loadContext, toJsonLd } from '../../src/rdf-io/jsonld.js';
import { graphPrefixes } from '../../src/rdf-io/prefixes.js';
import { BUNDLED } from '../../src/paths.js';
import { FIXTURE_BASE, fixtureQuads } from '../write/fixture.js';
import { canonical, union } from '../write/isomorphic.js';

describe('rdf-io/read-graph', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'peacegraph-read-graph-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  const prefixes = graphPrefixes(FIXTURE_BASE);
  const formats: Array<[string, () => string | Promise<string>, boolean]> = [
    ['graph.ttl', () => toTurtle(fixtureQuads(), prefixes), false],
    ['graph.nt', () => toNTriples(fixtureQuads()), false],
    ['graph.trig', () => toTriG(fixtureQuads(), prefixes), true],
    ['graph.nq', () => toNQuads(fixtureQuads()), true],
    ['graph.jsonld', async () => toJsonLd(fixtureQuads(), await loadContext(BUNDLED.context)), false],
  ];
  for (const [name, render, keepsGraphs] of formats) {
    it(`reads ${name} back to the same ${keepsGraphs ? 'quads' : 'triples'}`, async () => {
      const path = join(dir, name);
      await writeFile(path, await render());
      const expected = keepsGraphs ? fixtureQuads() : union(fixtureQuads());
      expect(canonical(await readGraphFile(path))).to.equal(canonical(expected));
    });
  }

  const failures: Array<[string, string, string, RegExp]> = [
    ['an unknown extension', 'graph.xml', '<rdf/>', /graph\.xml: unknown graph format "\.xml"/],
    ['broken Turtle', 'broken.ttl', '<a> <b> .', /broken\.ttl: .*/],
    ['broken JSON', 'broken.jsonld', '{"@context": ', /broken\.jsonld: not valid JSON/],
    ['a remote @context', 'remote.jsonld', '{"@context": "https://example.org/context.jsonld", "@id": "urn:x", "name": "x"}', /remote\.jsonld: .*refusing to fetch remote context https:\/\/example\.org\/context\.jsonld/],
  ];
  for (const [title, name, content, message] of failures) {
    it(`refuses ${title}, naming the file`, async () => {
      const path = join(dir, name);
      await writeFile(path, content);
      let failure: Error | undefined;
      await readGraphFile(path).catch((error: Error) => (failure = error));
      expect(failure?.message).to.match(message);
    });
  }

  it('reads a document naming schema.org\'s context offline, with the bundled copy', async () => {
    const path = join(dir, 'event.jsonld');
    await writeFile(path, JSON.stringify({ '@context': 'https://schema.org', '@id': 'https://example.org/id/event/x', '@type': 'Event', name: 'X' }));
    const triples = (await readGraphFile(path)).map((quad) => `${quad.subject.value} ${quad.predicate.value} ${quad.object.value}`).sort();
    expect(triples).to.deep.equal([
      'https://example.org/id/event/x http://schema.org/name X',
      'https://example.org/id/event/x http://www.w3.org/1999/02/22-rdf-syntax-ns#type http://schema.org/Event',
    ]);
  });

  it('names a missing file', async () => {
    let failure: Error | undefined;
    await readGraphFile(join(dir, 'missing.ttl')).catch((error: Error) => (failure = error));
    expect(failure?.message).to.match(/missing\.ttl: cannot read: ENOENT/);
  });
});
