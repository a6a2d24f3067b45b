import { expect } from 'chai';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveGraphFiles, type EvidenceChoice } from '../../src/query/rdf-files.js';
import { MANIFEST_NAME } from '../../src/write/manifest.js';

describe('query/rdf-files: the evidence files of a build', () => {
  let root: string;
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'peacegraph-rdf-files-'));
    // A build with evidence, and one with --no-evidence (no evidence file).
    for (const [folder, files] of [['full', ['graph.nt', 'graph.nq', 'evidence.nt', 'evidence.nq']], ['facts', ['graph.nt', 'graph.nq']]] as const) {
      await mkdir(join(root, folder));
      for (const name of files) await writeFile(join(root, folder, name), '');
    }
  });
  after(() => rm(root, { recursive: true, force: true }));

  // folder, choice: the evidence files loaded, whether a query reading evidence is refused (undefined: an error).
  const cases: ReadonlyArray<readonly [string, EvidenceChoice, readonly string[] | undefined, boolean]> = [
    ['full', 'load', ['evidence.nt', 'evidence.nq'], false],
    ['full', 'load-if-built', ['evidence.nt', 'evidence.nq'], false],
    ['full', 'leave', [], true],
    ['facts', 'load', undefined, false],
    ['facts', 'load-if-built', [], false],
    ['facts', 'leave', [], false],
  ];
  for (const [folder, choice, loaded, leftOut] of cases) {
    it(`${folder} build, ${choice}: ${loaded === undefined ? 'an error' : `loads ${loaded.join(' and ') || 'no evidence file'}`}`, async () => {
      const resolved = resolveGraphFiles(join(root, folder), choice);
      if (loaded === undefined) {
        const error = await resolved.then(() => undefined, (caught: Error) => caught);
        expect(error?.message).to.equal(`${join(root, folder)}: no evidence files (evidence.nt, evidence.nq): it was built with --no-evidence; build again without it to query the evidence`);
        return;
      }
      const files = await resolved;
      expect([files.triples?.path, files.quads?.path]).to.deep.equal([join(root, folder, 'graph.nt'), join(root, folder, 'graph.nq')]);
      expect([files.evidence?.triples?.path, files.evidence?.quads?.path].filter(Boolean)).to.deep.equal(loaded.map((name) => join(root, folder, name)));
      expect(files.evidenceLeftOut ?? false).to.equal(leftOut);
    });
  }

  it('a single graph file is read as it is, whatever the choice', async () => {
    const file = join(root, 'full', 'graph.nt');
    expect(await resolveGraphFiles(file, 'load')).to.deep.equal({ triples: { path: file, format: 'application/n-triples' } });
  });
});

describe('query/rdf-files: how the build wrote each file', () => {
  let dir: string;
  const SHA = 'b'.repeat(64);
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'peacegraph-rdf-files-'));
    await writeFile(join(dir, 'graph.nt'), '<http://e/a> <http://e/p> "a" .\n');
    await writeFile(join(dir, 'graph.nq'), '');
    await writeFile(join(dir, 'statistics.nt'), '');
  });
  after(() => rm(dir, { recursive: true, force: true }));

  // What the manifest records for graph.nt (32 bytes on disk), and what the file is then given.
  const cases: ReadonlyArray<readonly [string, unknown, boolean]> = [
    ['its size and SHA-256, the size still that of the file', { 'graph.nt': { bytes: 32, sha256: SHA } }, true],
    ['another size: the file has changed since', { 'graph.nt': { bytes: 31, sha256: SHA } }, false],
    ['nothing', undefined, false],
  ];
  for (const [what, written, given] of cases) {
    it(`a manifest that records ${what}: ${given ? 'the record, for the load to check' : 'no record'}`, async () => {
      await writeFile(join(dir, MANIFEST_NAME), JSON.stringify({ generator: 'peacegraph', files: ['graph.nq', 'graph.nt', 'statistics.nt'], written }));
      const files = await resolveGraphFiles(dir);
      expect(files.triples).to.deep.equal({ path: join(dir, 'graph.nt'), format: 'application/n-triples', ...(given ? { written: { bytes: 32, sha256: SHA } } : {}) });
      expect(files.quads?.written).to.equal(undefined);
    });
  }

  it('a manifest of another program: no record', async () => {
    await writeFile(join(dir, MANIFEST_NAME), JSON.stringify({ files: ['graph.nt'], written: { 'graph.nt': { bytes: 32, sha256: SHA } } }));
    expect((await resolveGraphFiles(dir)).triples?.written).to.equal(undefined);
  });
});
