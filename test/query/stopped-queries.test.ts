import { expect } from 'chai';
import { StoppedQueries } from '../../src/query/stopped-queries.js';

describe('query/stopped-queries', () => {
  let clock = 0;
  const stopped = new StoppedQueries(30000, 2, () => clock);
  const key = StoppedQueries.key('SELECT *\n  WHERE { ?s ?p ?o }', '[]', 10);

  it('refuses the same query (up to white space) until the time is over', () => {
    clock = 1000;
    stopped.remember(key, new Error('timed out'));
    clock = 21000;
    const found = stopped.find(StoppedQueries.key('SELECT * WHERE { ?s ?p ?o } ', '[]', 10));
    expect([found?.stopped.error.message, found?.remainingMs]).to.deep.equal(['timed out', 10000]);
    clock = 31000;
    expect(stopped.find(key)).to.equal(undefined);
  });

  it('tells queries apart by text, parameters and cap', () => {
    const keys = [key, StoppedQueries.key('SELECT * WHERE { ?s ?p ?x }', '[]', 10), StoppedQueries.key('SELECT * WHERE { ?s ?p ?o }', '[["a"]]', 10),
      StoppedQueries.key('SELECT * WHERE { ?s ?p ?o }', '[]', 11)];
    expect(new Set(keys).size).to.equal(4);
  });

  it('keeps only the newest entries', () => {
    clock = 0;
    for (const name of ['a', 'b', 'c']) stopped.remember(name, new Error(name));
    expect(['a', 'b', 'c'].map((name) => stopped.find(name)?.stopped.error.message)).to.deep.equal([undefined, 'b', 'c']);
  });
});
