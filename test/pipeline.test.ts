/** The build over several reports: one person, one IRI, in each report's named graph. */
import { expect } from 'chai';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataFactory, Store } from 'n3';
import { buildGraph } from '../src/pipeline.js';
import { BUNDLED } from '../src/paths.js';

const SECOND_REPORT = [
  'Satellites for Peace Day 2018', '', '12 Mar 2018', 'Geneva, Switzerland', '', 'Event report/s:',
  'Lena Fischer', '',
  'The session was moderated by Mr Einar Bjorgo, Manager, UN Operational Satellite Applications Programme (UNOSAT), who presented new imagery of flood plains.', '',
  'Dr Mei Zhang, Senior Researcher at the Graduate Institute, said that maps must be checked with local communities.', '',
].join('\n');

describe('pipeline: several reports', () => {
  it('merges the same person across reports into one IRI, stated in each report graph', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'peacegraph-merge-'));
    await writeFile(join(dir, 'satellites-2018.txt'), SECOND_REPORT);
    const result = await buildGraph([BUNDLED.reports, dir]);
    expect(result.failures).to.deep.equal([]);
    const store = new Store([...result.quads]);
    const bjorgo = store.getSubjects(DataFactory.namedNode('http://schema.org/name'), DataFactory.literal('Einar Bjorgo'), null);
    expect(bjorgo.map((term) => term.value)).to.deep.equal(['https://w3id.org/peacegraph/id/person/einar-bjorgo']);
    const graphs = store.getGraphs(bjorgo[0]!, DataFactory.namedNode('http://schema.org/name'), null).map((graph) => graph.value).sort();
    expect(graphs).to.deep.equal(['https://w3id.org/peacegraph/id/graph/geneva-peace-week-2017', 'https://w3id.org/peacegraph/id/graph/satellites-2018']);
    const sessions = store.getSubjects(DataFactory.namedNode('http://schema.org/performer'), bjorgo[0]!, null).map((term) => term.value).sort();
    expect(sessions).to.deep.equal([
      'https://w3id.org/peacegraph/id/session/geneva-peace-week-2017-1',
      'https://w3id.org/peacegraph/id/session/geneva-peace-week-2017-5',
      'https://w3id.org/peacegraph/id/session/satellites-for-peace-day-2018-1',
    ]);
  });
});
