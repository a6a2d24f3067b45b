/**
 * Lines picked out on another thread are the lines picked out here, chunk after chunk, whatever
 * the scope; the thread stops with the load; a file that cannot be read is an error naming it.
 * The expected lines come from a hand filter: a line's predicate read off with a regular expression.
 */
import { expect } from 'chai';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import oxigraph from 'oxigraph';
import { linesIn } from '../../src/query/line-selector.js';
import { linesOffThread } from '../../src/query/scan-thread.js';
import { LazyGraph } from '../../src/query/load-store.js';
import { graphScope, NOTHING, type GraphScope } from '../../src/query/graph-scope.js';

const CHUNK = 64 * 1024;
const NAME = '<http://schema.org/name>';
const TYPE = '<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>';
const PLACE = '<http://schema.org/Place>';
// Lines the filter cannot tell (a blank node, tabs) are kept in every scope that is not empty.
const untold = (line: string): boolean => line.startsWith('_:') || line.includes('\t');
const lineFor = (index: number): string => [
  `<http://e/s${index}> ${NAME} "name ${index}" .`,
  `<http://e/s${index}> <http://schema.org/description> "a longer text about ${index}, to fill the file" .`,
  `<http://e/s${index}> ${TYPE} ${index % 3 === 0 ? PLACE : '<http://schema.org/Person>'} .`,
  ...(index % 500 === 0 ? [`_:b${index} ${NAME} "blank ${index}" .`, `<http://e/t${index}>\t${NAME}\t"tabbed" .`] : []),
].join('\n');

const scopeOf = (predicates: string[], classes: string[] = []): GraphScope => ({ everything: false, predicates: new Set(predicates), classes: new Set(classes), named: false });

// [name, wanted, loaded, the hand filter]
const cases: Array<[string, GraphScope, GraphScope, (line: string) => boolean]> = [
  ['names', scopeOf([NAME]), NOTHING, (line) => untold(line) || line.split(' ')[1] === NAME],
  ['places by their type', scopeOf([], [PLACE]), NOTHING, (line) => untold(line) || (line.split(' ')[1] === TYPE && line.split(' ')[2] === PLACE)],
  ['everything but the names already loaded', { ...NOTHING, everything: true }, scopeOf([NAME]), (line) => !untold(line) && line.split(' ')[1] !== NAME],
  ['a predicate no line has', scopeOf(['<http://e/none>']), NOTHING, untold],
];

describe('query/scan-thread: lines picked out on another thread', function () {
  this.timeout(120_000);
  let file: string;
  let fileLines: string[];

  before(async () => {
    // About 30 chunks of 64 KiB: lines cross chunks, and the scanner runs ahead of the loader and waits for it.
    fileLines = Array.from({ length: 6_000 }, (_, index) => lineFor(index)).join('\n').split('\n');
    file = join(await mkdtemp(join(tmpdir(), 'peacegraph-scan-')), 'graph.nt');
    await writeFile(file, `${fileLines.join('\n')}\n`);
  });

  for (const [name, wanted, loaded, filter] of cases) {
    it(`${name}: the lines a hand filter keeps, as linesIn gives them`, () => {
      let last = 0;
      const offThread = Buffer.concat([...linesOffThread(file, wanted, loaded, (bytes) => { last = bytes; }, CHUNK)]).toString('utf8');
      const here = Buffer.concat([...linesIn(file, wanted, loaded, () => undefined)]).toString('utf8');
      const expected = fileLines.filter(filter);
      expect(offThread.split('\n').filter(Boolean)).to.deep.equal(expected);
      expect([offThread === here, last]).to.deep.equal([true, Buffer.byteLength(`${fileLines.join('\n')}\n`)]);
    });
  }

  it('stops its thread when the load stops early', async () => {
    const threads = async (): Promise<number> => (await readdir('/proc/self/task')).length;
    const before = await threads();
    const lines = linesOffThread(file, scopeOf([NAME]), NOTHING, () => undefined, CHUNK);
    expect(lines.next().done).to.equal(false);
    expect(await threads()).to.be.greaterThan(before);
    lines.return(undefined);
    for (let waited = 0; waited < 10_000 && await threads() > before; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await threads()).to.be.at.most(before);
  });

  it('is an error naming a file it cannot read', () => {
    const missing = join(tmpdir(), 'peacegraph-no-such-dir', 'graph.nt');
    expect(() => [...linesOffThread(missing, scopeOf([NAME]), NOTHING, () => undefined)]).to.throw(missing);
  });

  it('loads what a query reads, and a bad line is still named at its line in the file', async () => {
    const bad = join(await mkdtemp(join(tmpdir(), 'peacegraph-scan-')), 'graph.nt');
    await writeFile(bad, `${fileLines.slice(0, 30).join('\n')}\n<http://e/x> ${NAME} "unterminated .\n`);
    const graph = (path: string): LazyGraph => new LazyGraph(() => new oxigraph.Store(), { triples: { path, format: 'application/n-triples' } }, undefined, 0);
    const store = await graph(file).ensure(graphScope(`SELECT ?n WHERE { ?x ${NAME} ?n }`));
    expect(store.size).to.equal(fileLines.filter(cases[0]![3]).length);
    let error: Error | undefined;
    await graph(bad).ensure(graphScope(`SELECT ?n WHERE { ?x ${NAME} ?n }`)).catch((caught: Error) => { error = caught; });
    expect(error?.message).to.match(/\bline 31\b/);
  });
});
