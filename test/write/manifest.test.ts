import { expect } from 'chai';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MANIFEST_NAME, readManifest, writeManifest } from '../../src/write/manifest.js';

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

describe('write/manifest', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'peacegraph-manifest-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

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
});
