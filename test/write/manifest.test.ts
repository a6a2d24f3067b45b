import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isAsWritten, MANIFEST_NAME, readManifest, readWrittenFiles, writeManifest, type WrittenFile } from '../../src/write/manifest.js';
import { OutFolder } from '../../src/write/out-folder.js';

const cases: ReadonlyArray<readonly [string, string, readonly string[] | 'refused']> = [
  ['a manifest peacegraph wrote', '{"generator":"peacegraph","files":["graph.ttl","site/event-a.html"]}', ['graph.ttl', 'site/event-a.html']],
  ['a name leaving the folder', '{"generator":"peacegraph","files":["../elsewhere.txt"]}', 'refused'],
  ['an absolute name', '{"generator":"peacegraph","files":["/etc/passwd"]}', 'refused'],
  ['a name that is not normal', '{"generator":"peacegraph","files":["site/../../x"]}', 'refused'],
  ['the manifest itself', `{"generator":"peacegraph","files":["${MANIFEST_NAME}"]}`, 'refused'],
  ['another program\'s file', '{"files":["graph.ttl"]}', 'refused'],
  ['names that are not strings', '{"generator":"peacegraph","files":[1]}', 'refused'],
  ['not JSON', 'graph.ttl\n', 'refused'],
];

/** Bytes, and whether they are those of a record of 'abc\n' (its size, and its SHA-256 from node:crypto). */
const asWrittenCases: ReadonlyArray<readonly [string, string, boolean]> = [
  ['the same bytes', 'abc\n', true],
  ['one byte changed, the same size', 'abd\n', false],
  ['a byte more', 'abc\n\n', false],
  ['nothing', '', false],
];

describe('write/manifest', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'peacegraph-manifest-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  for (const [name, text, expected] of asWrittenCases) {
    it(`tells ${name} from a file's record: ${expected ? 'as written' : 'changed'}`, () => {
      const record: WrittenFile = { bytes: 4, sha256: createHash('sha256').update('abc\n').digest('hex') };
      expect(isAsWritten(Buffer.from(text, 'utf8'), record)).to.equal(expected);
    });
  }

  it('is empty for a folder without one', async () => expect(await readManifest(dir)).to.deep.equal({ files: [] }));

  for (const [name, text, expected] of cases) {
    it(`reads ${name}: ${expected === 'refused' ? 'refused' : 'accepted'}`, async () => {
      await writeFile(join(dir, MANIFEST_NAME), text);
      const read = await readManifest(dir);
      if (expected === 'refused') expect(read).to.have.property('problem').that.matches(/is not a peacegraph manifest/);
      else expect(read).to.deep.equal({ files: expected });
    });
  }

  it('writes names sorted, once each, and reads them back', async () => {
    await writeManifest(dir, ['graph.ttl', 'event-b.html', 'graph.ttl', 'event-a.html']);
    expect(await readManifest(dir)).to.deep.equal({ files: ['event-a.html', 'event-b.html', 'graph.ttl'] });
  });

  const SHA = 'a'.repeat(64);
  // Records as a manifest may hold them: which are kept.
  const records: ReadonlyArray<readonly [string, unknown, WrittenFile | undefined]> = [
    ['a well-formed record', { bytes: 12, sha256: SHA }, { bytes: 12, sha256: SHA }],
    ['a negative size', { bytes: -1, sha256: SHA }, undefined],
    ['a size that is not a whole number', { bytes: 1.5, sha256: SHA }, undefined],
    ['a digest in capitals', { bytes: 12, sha256: SHA.toUpperCase() }, undefined],
    ['a short digest', { bytes: 12, sha256: 'abc' }, undefined],
    ['no digest', { bytes: 12 }, undefined],
    ['not an object', 'graph.nt', undefined],
  ];
  for (const [what, record, kept] of records) {
    it(`reads ${what} of a listed file: ${kept === undefined ? 'left out' : 'kept'}`, async () => {
      await writeFile(join(dir, MANIFEST_NAME), JSON.stringify({ generator: 'peacegraph', files: ['graph.nt'], written: { 'graph.nt': record } }));
      expect(await readWrittenFiles(dir)).to.deep.equal(new Map(kept === undefined ? [] : [['graph.nt', kept]]));
    });
  }

  it('records nothing for a folder without a manifest, or with another program\'s', async () => {
    expect(await readWrittenFiles(dir)).to.deep.equal(new Map());
    await writeFile(join(dir, MANIFEST_NAME), JSON.stringify({ files: ['graph.nt'], written: { 'graph.nt': { bytes: 1, sha256: SHA } } }));
    expect(await readWrittenFiles(dir)).to.deep.equal(new Map());
  });

  it('leaves out the record of a file it does not list', async () => {
    await writeFile(join(dir, MANIFEST_NAME), JSON.stringify({ generator: 'peacegraph', files: ['graph.nt'], written: { 'graph.nq': { bytes: 1, sha256: SHA } } }));
    expect(await readWrittenFiles(dir)).to.deep.equal(new Map());
  });

  it('records the size and SHA-256 of the files an output folder is asked to, as they land', async () => {
    const out = await OutFolder.claim(dir, { recorded: ['graph.nt', 'statistics.nt'] });
    await out.append(join(dir, 'graph.nt'), '<http://e/a> <http://e/p> "é" .\n');
    await out.append(join(dir, 'graph.nt'), new TextEncoder().encode('<http://e/b> <http://e/p> "b" .\n'));
    // Staged again whole: the second content replaces the first.
    await out.write(join(dir, 'statistics.nt'), 'first\n');
    await out.write(join(dir, 'statistics.nt'), 'second\n');
    await out.write(join(dir, 'graph.ttl'), '# not recorded\n');
    await out.commit();
    const onDisk = async (name: string): Promise<WrittenFile> => {
      const bytes = await readFile(join(dir, name));
      return { bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
    };
    expect(await readManifest(dir)).to.deep.equal({ files: ['graph.nt', 'graph.ttl', 'statistics.nt'] });
    expect(await readWrittenFiles(dir)).to.deep.equal(new Map([['graph.nt', await onDisk('graph.nt')], ['statistics.nt', await onDisk('statistics.nt')]]));
  });

  it('sweeps a killed build\'s temporary files from the folders a build always stages in, listed in no manifest', async () => {
    await mkdir(join(dir, 'split', 'graph.nt'), { recursive: true });
    const left = ['.a.nt.4242.0123abcd.tmp', '.b.nt.4242.89abcdef.tmp'];
    for (const name of left) await writeFile(join(dir, 'split', 'graph.nt', name), 'half written');
    await writeFile(join(dir, 'split', 'graph.nt', 'mine.txt'), 'a user\'s file');
    const out = await OutFolder.claim(dir, { folders: ['split/graph.nt'] });
    await out.abort();
    expect(out.notes).to.deep.equal(['removed 2 temporary file(s) left by an interrupted build']);
    expect(await readdir(join(dir, 'split', 'graph.nt'))).to.deep.equal(['mine.txt']);
  });
});
