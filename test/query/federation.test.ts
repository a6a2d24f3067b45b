/** One query over the built graph and another dataset (Comunica federation), joined through Wikidata IRIs. */
import { expect } from 'chai';
import { mkdtemp } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main.js';

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
