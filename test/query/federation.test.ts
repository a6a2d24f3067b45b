/** One query over the built graph and another dataset (Comunica federation), joined through Wikidata IRIs. */
import { expect } from 'chai';
import { mkdtemp } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main.js';
import { checkRemoteAccess, type FederatedSource } from '../../src/query/federated.js';
import { parseQuery, QueryRefusedError } from '../../src/query/sparql.js';

describe('query --source (federation with data/example)', function () {
  this.timeout(60000);
  let out: string;
  const io = (sink: string[]) => ({ stdout: (text: string) => sink.push(text), stderr: (text: string) => sink.push(text), isTTY: false });

  before(async () => {
    out = await mkdtemp(join(tmpdir(), 'peacegraph-federation-'));
    const log: string[] = [];
    expect(await runCli(['build', '--out', out, '--quiet'], io(log)), log.join('')).to.equal(0);
  });

  it('joins organisations of the report with facts from another vocabulary', async () => {
    const output: string[] = [];
    const code = await runCli(['query', 'queries/federation/organisations-with-external-facts.rq', '--data', out, '--source', 'data/example/organisation-facts.ttl', '--format', 'csv'], io(output));
    expect(code, output.join('')).to.equal(0);
    // The three organisations of the report whose gazetteer entry names a Wikidata IRI that the example dataset describes.
    expect(output.join('')).to.equal([
      'organisation,wikidata,founded,website,people',
      'European Organization for Nuclear Research,http://www.wikidata.org/entity/Q42944,1954-09-29,https://home.cern/,1',
      'International Committee of the Red Cross,http://www.wikidata.org/entity/Q5987345,1863-02-17,https://www.icrc.org/,1',
      'Microsoft,http://www.wikidata.org/entity/Q2283,1975-04-04,https://www.microsoft.com/,1',
      '',
    ].join('\r\n'));
  });

  it('the example dataset uses another vocabulary than the graph', () => {
    const text = readFileSync('data/example/organisation-facts.ttl', 'utf8');
    expect(text).to.include('http://www.wikidata.org/prop/direct/').and.not.include('schema.org');
  });
});

describe('query --source: no network unless asked', () => {
  const local: FederatedSource = { kind: 'quads', quads: [] };
  const remote: FederatedSource = { kind: 'endpoint', url: 'http://a.example/sparql' };
  const cases: Array<[string, string, FederatedSource[], boolean, RegExp | undefined]> = [
    ['SERVICE to an address not named', 'SELECT * { SERVICE <http://a.example/sparql> { ?s ?p ?o } }', [local], false, /SERVICE <http:\/\/a\.example\/sparql>: .* --source http:\/\/a\.example\/sparql, or .* --allow-remote/],
    ['SERVICE to a named endpoint', 'SELECT * { SERVICE <http://a.example/sparql> { ?s ?p ?o } }', [local, remote], false, undefined],
    ['SERVICE with --allow-remote', 'SELECT * { SERVICE <http://b.example/sparql> { ?s ?p ?o } }', [local], true, undefined],
    ['a variable SERVICE', 'SELECT * { VALUES ?e { <http://a.example/sparql> } SERVICE ?e { ?s ?p ?o } }', [local, remote], false, /SERVICE \?e: /],
    ['a remote FROM', 'SELECT * FROM <http://c.example/data.ttl> { ?s ?p ?o }', [local], false, /FROM <http:\/\/c\.example\/data\.ttl>: /],
    ['a FROM reading a local file', 'SELECT * FROM <file:///etc/passwd> { ?s ?p ?o }', [local], false, /FROM <file:\/\/\/etc\/passwd>: /],
    ['no remote clause', 'SELECT * { ?s ?p ?o }', [local], false, undefined],
  ];
  for (const [name, text, sources, allowRemote, refusal] of cases) {
    it(`${refusal ? 'refuses' : 'allows'} ${name}`, () => {
      const check = () => checkRemoteAccess(parseQuery(text), sources, allowRemote);
      if (refusal) expect(check).to.throw(QueryRefusedError, refusal);
      else expect(check).not.to.throw();
    });
  }

  it('the CLI refuses a SERVICE with a local --source, exit 1, before any request', async () => {
    const output: string[] = [];
    const io = { stdout: (text: string) => output.push(text), stderr: (text: string) => output.push(text), isTTY: false };
    const code = await runCli(['query', 'SELECT * { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }', '--data', 'test/fixtures/query/mini.trig',
      '--source', 'data/example/organisation-facts.ttl'], io);
    expect(code).to.equal(1);
    expect(output.join('')).to.match(/SERVICE <http:\/\/127\.0\.0\.1:9\/sparql>: the query would make peacegraph read that address/);
  });
});
