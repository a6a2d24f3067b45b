/**
 * Every bundled query on the graph of the bundled report: its exact result (test/fixtures/queries,
 * reviewed against the report; the people and moderators are also checked against the hand-made
 * expectation), and the same answer from Oxigraph and from Comunica (differential test).
 */
import { expect } from 'chai';
import { mkdtemp, readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildGraph } from '../../src/pipeline.js';
import { writeGraph } from '../../src/write/outputs.js';
import { DEFAULT_BASE } from '../../src/rdf/namespaces.js';
import { BUNDLED } from '../../src/paths.js';
import { listBundledQueries, parameterTerms, type BundledQuery } from '../../src/query/bundled.js';
import { LocalEngine } from '../../src/query/local.js';
import { graphSources, type FederatedSource } from '../../src/query/federated.js';
import { resolveGraphFiles } from '../../src/query/rdf-files.js';
import { runQuery } from '../../src/query/run.js';
import { formatResult } from '../../src/query/format.js';
import { rowLines } from '../../src/query/result.js';

const queries: BundledQuery[] = await listBundledQueries(BUNDLED.queries);
const expected = JSON.parse(readFileSync('test/fixtures/geneva-peace-week-2017.expected.json', 'utf8')) as {
  people: Record<string, { name: string; organisations: string[] }>;
  sections: Array<{ moderator?: string }>;
};

/**
 * GROUP_CONCAT order is not defined by SPARQL: compare its parts as a set. CONSTRUCT results are
 * graphs: Comunica repeats a triple once per solution, Oxigraph does not.
 */
function canonical(lines: readonly string[], isGraph: boolean): string[] {
  return (isGraph ? [...new Set(lines)] : lines).map((line) => line.replace(/"([^"\t]* \| [^"\t]*)"/g, (_whole, list: string) => `"${list.split(' | ').sort().join(' | ')}"`)).sort();
}

describe('bundled queries on the sample report', () => {
  let engine: LocalEngine;
  let sources: FederatedSource[];
  before(async function () {
    this.timeout(60000);
    const out = await mkdtemp(join(tmpdir(), 'peacegraph-queries-'));
    const result = await buildGraph([BUNDLED.reports]);
    await writeGraph(out, result.quads, DEFAULT_BASE, result.models);
    // With the evidence, as serve --with-evidence and push give it: affiliation-evidence reads it.
    engine = new LocalEngine(await resolveGraphFiles(out, 'load'));
    sources = await graphSources(await resolveGraphFiles(out, 'load'));
  });
  after(() => engine.close());

  it('bundles at least ten documented queries', () => {
    expect(queries.length).to.be.at.least(10);
    for (const query of queries) expect(query.description, query.name).to.have.length.greaterThan(20);
    expect(new Set(queries.map((query) => query.text.match(/^(?:PREFIX[^\n]*\n)*\s*(SELECT|ASK|CONSTRUCT)/m)?.[1]))).to.include.members(['SELECT', 'ASK', 'CONSTRUCT']);
  });

  for (const query of queries) {
    describe(query.name, () => {
      it('gives its exact expected result', async () => {
        const { result } = await runQuery(query.text, { kind: 'local', engine });
        const graph = result.kind === 'quads';
        const fixture = await readFile(join('test/fixtures/queries', `${query.name}.${graph ? 'ntriples' : 'tsv'}`), 'utf8');
        const text = await formatResult(result, graph ? 'ntriples' : 'tsv', { prefixes: {}, context: {} });
        if (graph) expect(text.split('\n').sort()).to.deep.equal(fixture.split('\n').sort());
        else expect(text).to.equal(fixture);
      });

      it('gives the same answer on Oxigraph and on Comunica', async () => {
        const local = await runQuery(query.text, { kind: 'local', engine });
        const federated = await runQuery(query.text, { kind: 'federated', sources });
        const isGraph = local.result.kind === 'quads';
        expect(canonical(rowLines(federated.result), isGraph)).to.deep.equal(canonical(rowLines(local.result), isGraph));
      });
    });
  }

  const named = (name: string) => queries.find((query) => query.name === name)!;

  it('people-by-organisation finds exactly the hand-checked person-organisation pairs', async () => {
    const { result } = await runQuery(named('people-by-organisation').text, { kind: 'local', engine });
    const found = new Set(rowLines(result).map((line) => line.split('\t')[1]));
    const wanted = new Set(Object.values(expected.people).filter((person) => person.organisations.length > 0).map((person) => JSON.stringify(person.name)));
    expect(found).to.deep.equal(wanted);
  });

  it('people-by-organisation binds its parameter on name or acronym', async () => {
    const query = named('people-by-organisation');
    const people = async (org: string) => rowLines((await runQuery(query.text, { kind: 'local', engine }, { bindings: parameterTerms(query, [`org=${org}`]) })).result).map((line) => line.split('\t')[1]);
    expect(await people('UNITAR')).to.deep.equal(['"Einar Bjorgo"']);
    expect(await people('Diplomatic Council')).to.deep.equal(['"Hang Nguyen"', '"Jamal Qaiser"']);
    expect(await people('x" } ; DROP ALL ; #')).to.deep.equal([]);
  });

  it('who-moderated-what names the hand-checked moderators, in session order', async () => {
    const { result } = await runQuery(named('who-moderated-what').text, { kind: 'local', engine });
    const moderators = rowLines(result).map((line) => line.split('\t')[3]);
    const wanted = expected.sections.flatMap((section) => (section.moderator ? [JSON.stringify(expected.people[section.moderator]!.name)] : []));
    expect(moderators).to.deep.equal(wanted);
  });

  it('has-person answers yes and no', async () => {
    const query = named('has-person');
    const ask = async (name: string) => rowLines((await runQuery(query.text, { kind: 'local', engine }, { bindings: parameterTerms(query, [`name=${name}`]) })).result);
    expect(await ask('Einar Bjorgo')).to.deep.equal(['true']);
    expect(await ask('Geneva Peace Week')).to.deep.equal(['false']);
  });
});
