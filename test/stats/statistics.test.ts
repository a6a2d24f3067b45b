/**
 * The statistics graph against independent counts: pairs counted by hand on a few hand-written
 * sessions, and, on a multi-report build, the bundled aggregate queries (which read the statistics)
 * against the same tables counted from the facts alone (queries/from-facts/) by Comunica.
 */
import { expect } from 'chai';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Parser } from 'n3';
import { generateCorpus } from '../../bench/corpus.js';
import { buildCorpus } from '../../src/corpus/build.js';
import { statisticsOf, type Facts } from '../../src/stats/statistics.js';

/** Facts held in memory, read as the build reads graph.nt back. */
function factsOf(ntriples: string): Facts {
  const bytes = Buffer.from(ntriples, 'utf8');
  return { bytes: bytes.length, read: async (offset, length) => bytes.subarray(offset, offset + length) };
}
import { DEFAULT_BASE, NS } from '../../src/rdf/namespaces.js';
import { BUNDLED } from '../../src/paths.js';
import { LocalEngine } from '../../src/query/local.js';
import { readQuadsFile } from '../../src/query/federated.js';
import { resolveGraphFiles } from '../../src/query/rdf-files.js';
import { runQuery } from '../../src/query/run.js';
import { rowLines } from '../../src/query/result.js';

const [PG, SCHEMA, RDF_TYPE] = [NS.pg, NS.schema, `${NS.rdf}type`];
const triple = (s: string, p: string, o: string): string => `<http://e/${s}> <${p}> <${o.startsWith('http') ? o : `http://e/${o}`}> .`;

/** Sessions s1 and s2 share themes a and b; an event with themes a and c is no session; s4 has theme c alone. */
const FACTS = [
  triple('s1', RDF_TYPE, `${PG}Session`), triple('s1', `${PG}theme`, 'a'), triple('s1', `${PG}theme`, 'b'), triple('s1', `${PG}theme`, 'c'),
  triple('s2', RDF_TYPE, `${PG}Session`), triple('s2', `${PG}theme`, 'a'), triple('s2', `${PG}theme`, 'b'),
  triple('e3', RDF_TYPE, `${PG}Event`), triple('e3', `${PG}theme`, 'a'), triple('e3', `${PG}theme`, 'c'),
  triple('s4', RDF_TYPE, `${PG}Session`), triple('s4', `${PG}theme`, 'c'),
  // s1: p1 (org x) and p2 (org y); s2: p3 (orgs x and z) and p1 (org x again: counted once).
  triple('s1', `${SCHEMA}performer`, 'p1'), triple('s1', `${SCHEMA}performer`, 'p2'),
  triple('s2', `${SCHEMA}performer`, 'p3'), triple('s2', `${SCHEMA}performer`, 'p1'),
  triple('e3', `${SCHEMA}performer`, 'p2'),
  triple('p1', `${SCHEMA}affiliation`, 'x'), triple('p2', `${SCHEMA}affiliation`, 'y'),
  triple('p3', `${SCHEMA}affiliation`, 'x'), triple('p3', `${SCHEMA}affiliation`, 'z'),
];

/** "type member member count" per pair node of statistics N-Triples, "theme count" per theme. */
function counts(ntriples: string): string[] {
  const nodes = new Map<string, { type?: string; members: string[]; count?: string }>();
  for (const quad of new Parser({ format: 'N-Triples' }).parse(ntriples)) {
    const node = nodes.get(quad.subject.value) ?? { members: [] };
    if (quad.predicate.value === RDF_TYPE) node.type = quad.object.value.slice(PG.length);
    else if (quad.predicate.value === `${PG}pairMember`) node.members.push(quad.object.value.slice('http://e/'.length));
    else if (quad.predicate.value === `${PG}sessionCount`) node.count = quad.object.value;
    nodes.set(quad.subject.value, node);
  }
  return [...nodes].map(([iri, { type, members, count }]) => `${type ?? iri.slice('http://e/'.length)} ${members.sort().join(' ')} ${count}`).sort();
}

describe('stats/statistics', () => {
  it('counts the sessions of each pair of themes and of organisations, and of each theme, as counted by hand', async () => {
    expect(counts(await statisticsOf(factsOf(`${FACTS.join('\n')}\n`), DEFAULT_BASE))).to.deep.equal([
      'OrganisationPair x y 1', 'OrganisationPair x z 1',
      'ThemePair a b 2', 'ThemePair a c 1', 'ThemePair b c 1',
      'a  2', 'b  2', 'c  2',
    ]);
  });

  it('writes the same bytes whatever the order of the facts', async () => {
    const forward = await statisticsOf(factsOf(`${FACTS.join('\n')}\n`), DEFAULT_BASE);
    const backward = await statisticsOf(factsOf(`${[...FACTS].reverse().join('\n')}\n`), DEFAULT_BASE);
    expect(backward).to.equal(forward);
    expect(forward).to.include(`<${DEFAULT_BASE}statistic/themes-a--b> <${PG}sessionCount> "2"^^<http://www.w3.org/2001/XMLSchema#integer> .`);
  });

  it('has no pairs without sessions', async () => {
    expect(await statisticsOf(factsOf(''), DEFAULT_BASE)).to.equal('');
  });

  describe('on a multi-report build', function () {
    this.timeout(600000);
    let out: string;
    let engine: LocalEngine;
    before(async () => {
      const root = await mkdtemp(join(tmpdir(), 'peacegraph-statistics-'));
      await mkdir(join(root, 'reports'));
      for (const report of generateCorpus(12, 3)) await writeFile(join(root, 'reports', report.fileName), report.text);
      out = join(root, 'out');
      const build = await buildCorpus([join(root, 'reports')], out, { base: DEFAULT_BASE, validate: false, evidence: false, jobs: 1 });
      expect(build.failures).to.deep.equal([]);
      await build.commit();
      engine = new LocalEngine(await resolveGraphFiles(out));
    });
    after(() => engine?.close());

    for (const name of ['themes-co-occurring', 'organisations-co-appearing', 'sessions-per-theme']) {
      it(`${name}: the precomputed table equals the one Comunica counts from the facts`, async () => {
        const [bundled, fromFacts] = await Promise.all([
          readFile(join(BUNDLED.queries, `${name}.rq`), 'utf8'), readFile(join(BUNDLED.queries, 'from-facts', `${name}.rq`), 'utf8'),
        ]);
        const facts = { kind: 'quads' as const, quads: await readQuadsFile(join(out, 'graph.nt')) };
        // Sorted: engines order strings differently ("GIS" before or after "content").
        const expected = rowLines((await runQuery(fromFacts, { kind: 'federated', sources: [facts] })).result).sort();
        expect(expected, 'pairs in the build').to.have.length.greaterThan(3);
        expect(rowLines((await runQuery(bundled, { kind: 'local', engine })).result).sort()).to.deep.equal(expected);
      });
    }
  });
});
