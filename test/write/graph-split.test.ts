import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { holdsKey, LineSelector } from '../../src/query/line-selector.js';
import { graphScope, NOTHING, RDF_TYPE, type GraphScope } from '../../src/query/graph-scope.js';
import { partFileName, readSplit, splitIndexName } from '../../src/write/graph-split.js';
import { readWrittenFiles } from '../../src/write/manifest.js';
import { splitFolder } from './split-folder.js';

const NAME = '<http://schema.org/name>';
const PERSON = '<http://schema.org/Person>';
const EVENT = '<http://schema.org/Event>';
// [what the line is, the line, the key a scope reads it by (written by hand)]
const LINES: ReadonlyArray<readonly [string, string, string]> = [
  ['a name', `<http://e/a> ${NAME} "Ann" .`, NAME],
  ['a person', `<http://e/a> ${RDF_TYPE} ${PERSON} .`, `${RDF_TYPE} ${PERSON}`],
  ['an event', `<http://e/v> ${RDF_TYPE} ${EVENT} .`, `${RDF_TYPE} ${EVENT}`],
  ['a type written as a literal', `<http://e/v> ${RDF_TYPE} "Event" .`, RDF_TYPE],
  ['a blank node', `_:b1 ${NAME} "Blank" .`, ''],
  ['a class IRI written with an escape', `<http://e/w> ${RDF_TYPE} <http://schema.org/\\u0045vent> .`, ''],
  ['a comment', '# a comment', ''],
  ['a non-ASCII predicate', '<http://e/a> <http://e/prénom> "Ann" .', '<http://e/prénom>'],
  ['a second name', `<http://e/b> ${NAME} "Bob" .`, NAME],
];
const TEXT = LINES.map(([, line]) => `${line}\n`).join('');

const splitOf = async (dir: string): Promise<Map<string, string>> => {
  const written = await readWrittenFiles(dir);
  const split = await readSplit(dir, 'graph.nt', written.get(splitIndexName('graph.nt')), written.get('graph.nt')!);
  return new Map(await Promise.all(split!.parts.map(async (part) => [part.key, await readFile(part.path, 'utf8')] as const)));
};

describe('write/graph-split', () => {
  it('puts each line in the file of its key, keeping their order', async () => {
    const expected = new Map<string, string>();
    for (const [, line, key] of LINES) expected.set(key, `${expected.get(key) ?? ''}${line}\n`);
    expect(await splitOf(await splitFolder(TEXT))).to.deep.equal(expected);
  });

  it('gives the same files whatever the chunks the text comes in, a line without its newline given one', async () => {
    const whole = await splitOf(await splitFolder(TEXT));
    const bytes = Buffer.from(TEXT);
    for (const size of [1, 5, 64]) {
      // Cut anywhere, inside a UTF-8 character too, as a build appends the bytes.
      const chunks: Buffer[] = [];
      for (let start = 0; start < bytes.length; start += size) chunks.push(bytes.subarray(start, start + size));
      expect(await splitOf(await splitFolder(TEXT, chunks)), `chunks of ${size}`).to.deep.equal(whole);
    }
    const unterminated = await splitOf(await splitFolder(TEXT.trimEnd()));
    expect(unterminated).to.deep.equal(whole);
  });

  // [case, wanted, loaded]: the lines a LineSelector picks are the lines of the files the scope holds.
  const scopes: ReadonlyArray<readonly [string, GraphScope, GraphScope]> = [
    ['names', graphScope(`SELECT * WHERE { ?s ${NAME} ?n }`), NOTHING],
    ['persons and names', graphScope(`SELECT * WHERE { ?s a ${PERSON} ; ${NAME} ?n }`), NOTHING],
    ['every type', graphScope('SELECT * WHERE { ?s a ?t }'), NOTHING],
    ['every type, persons loaded', graphScope('SELECT * WHERE { ?s a ?t }'), graphScope(`SELECT * WHERE { ?s a ${PERSON} }`)],
    ['names, names loaded', graphScope(`SELECT * WHERE { ?s ${NAME} ?n }`), graphScope(`SELECT * WHERE { ?s ${NAME} ?n }`)],
    ['a predicate no line has', graphScope('SELECT * WHERE { ?s <http://e/none> ?n }'), NOTHING],
    ['nothing', NOTHING, NOTHING],
  ];
  for (const [name, wanted, loaded] of scopes) {
    it(`holds the lines a LineSelector picks: ${name}`, async () => {
      const split = await splitOf(await splitFolder(TEXT));
      const selector = new LineSelector(wanted, loaded);
      const picked = `${selector.select(Buffer.from(TEXT))?.toString('utf8') ?? ''}${selector.end()?.toString('utf8') ?? ''}`;
      const held = [...split].filter(([key]) => holdsKey(wanted, key) && !holdsKey(loaded, key)).map(([, lines]) => lines).join('');
      const sorted = (text: string): string[] => text.split('\n').filter(Boolean).sort();
      expect(sorted(held)).to.deep.equal(sorted(picked));
    });
  }

  it('names each file by its key: readable, different for different keys', () => {
    expect(partFileName(NAME)).to.match(/^name-[0-9a-f]{12}\.nt$/);
    expect(partFileName(`${RDF_TYPE} ${PERSON}`)).to.match(/^Person-[0-9a-f]{12}\.nt$/);
    expect(partFileName('<http://e/a#name>')).not.to.equal(partFileName(NAME));
    expect(partFileName('')).to.equal('other.nt');
  });

  // A split is read only as its build wrote it: otherwise graph.nt is read.
  const tampered: ReadonlyArray<readonly [string, (index: string) => string]> = [
    ['an index that differs from its record', (index) => index.replace('"bytes"', '"bytes" ')],
    ['a file name that leaves the folder', (index) => index.replace(/"file": "[^"]+"/, '"file": "../../graph.nt"')],
  ];
  for (const [what, change] of tampered) {
    it(`refuses ${what}`, async () => {
      const dir = await splitFolder(TEXT);
      const written = new Map(await readWrittenFiles(dir));
      const path = join(dir, splitIndexName('graph.nt'));
      const index = change(await readFile(path, 'utf8'));
      await writeFile(path, index);
      if (what.startsWith('a file name')) written.set(splitIndexName('graph.nt'), { bytes: Buffer.byteLength(index), sha256: createHash('sha256').update(index).digest('hex') });
      expect(await readSplit(dir, 'graph.nt', written.get(splitIndexName('graph.nt')), written.get('graph.nt')!)).to.equal(undefined);
    });
  }

  it('refuses the split of another graph.nt than the one recorded (a commit that failed half-way)', async () => {
    const dir = await splitFolder(TEXT);
    const written = await readWrittenFiles(dir);
    const index = written.get(splitIndexName('graph.nt'));
    expect(await readSplit(dir, 'graph.nt', index, written.get('graph.nt')!)).not.to.equal(undefined);
    const other = `${TEXT}<http://e/c> ${NAME} "Cy" .\n`;
    expect(await readSplit(dir, 'graph.nt', index, { bytes: Buffer.byteLength(other), sha256: createHash('sha256').update(other).digest('hex') })).to.equal(undefined);
  });
});
