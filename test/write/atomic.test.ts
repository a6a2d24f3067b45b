import { expect } from 'chai';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StagedFiles, writeFilesAtomic } from '../../src/write/atomic.js';

describe('write/atomic', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'peacegraph-atomic-'));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('appends text and bytes in order, and shows nothing until commit', async () => {
    const staged = new StagedFiles();
    const path = join(root, 'graph.nt');
    await staged.append(path, 'one\n');
    await staged.append(path, Buffer.from('two\n'));
    await staged.append(path, 'three\n');
    expect(await readdir(root)).to.have.length(1);
    expect((await readdir(root))[0]).to.match(/^\.graph\.nt\..+\.tmp$/);
    expect(await staged.commit()).to.deep.equal([path]);
    expect(await readFile(path, 'utf8')).to.equal('one\ntwo\nthree\n');
    expect(await readdir(root)).to.deep.equal(['graph.nt']);
  });

  it('writing a path again replaces what was staged for it', async () => {
    const staged = new StagedFiles();
    await staged.write(join(root, 'event.html'), 'first');
    await staged.write(join(root, 'event.html'), 'second');
    await staged.commit();
    expect(await readdir(root)).to.deep.equal(['event.html']);
    expect(await readFile(join(root, 'event.html'), 'utf8')).to.equal('second');
  });

  it('abort keeps the previous files and removes the folders it made', async () => {
    await writeFile(join(root, 'graph.ttl'), 'previous');
    const staged = new StagedFiles();
    await staged.append(join(root, 'graph.ttl'), 'new');
    await staged.write(join(root, 'made', 'deeper', 'event.html'), 'new');
    await staged.abort();
    expect(await readdir(root)).to.deep.equal(['graph.ttl']);
    expect(await readFile(join(root, 'graph.ttl'), 'utf8')).to.equal('previous');
  });

  it('writes many whole files at once: all of them land, or, when one fails, none', async () => {
    const names = Array.from({ length: 100 }, (_unused, index) => `event-${index}.html`);
    const staged = new StagedFiles();
    for (const name of names) await staged.write(join(root, 'site', name), `page ${name}`);
    await staged.commit();
    expect((await readdir(join(root, 'site'))).sort()).to.deep.equal([...names].sort());
    expect(await readFile(join(root, 'site', 'event-7.html'), 'utf8')).to.equal('page event-7.html');

    await mkdir(join(root, 'site', 'event-50.html.d'));
    const failing = new StagedFiles();
    for (const name of [...names.map((name) => `${name}.new`), 'event-50.html.d']) await failing.write(join(root, 'site', name), 'new');
    const failure = await failing.commit().then(() => undefined, (error: Error) => error.message);
    expect(failure).to.match(/event-50\.html\.d: is a folder/);
    expect((await readdir(join(root, 'site'))).sort()).to.deep.equal([...names, 'event-50.html.d'].sort());
  });

  it('refuses a folder as a target before replacing anything', async () => {
    await mkdir(join(root, 'graph.nt'));
    await writeFile(join(root, 'graph.ttl'), 'previous');
    const files = new Map([[join(root, 'graph.ttl'), 'new'], [join(root, 'graph.nt'), 'new']]);
    const failure = await writeFilesAtomic(files).then(() => undefined, (error: Error) => error.message);
    expect(failure).to.match(/graph\.nt: is a folder/);
    expect(await readFile(join(root, 'graph.ttl'), 'utf8')).to.equal('previous');
    expect((await readdir(root)).sort()).to.deep.equal(['graph.nt', 'graph.ttl']);
  });

  it('abort during writes (a signal) removes every temporary file, refuses more, and a later commit replaces nothing', async () => {
    await writeFile(join(root, 'graph.ttl'), 'previous');
    const staged = new StagedFiles();
    await staged.append(join(root, 'graph.ttl'), 'new');
    for (let index = 0; index < 100; index += 1) await staged.write(join(root, `event-${index}.html`), 'page');
    await staged.abort();
    const late = await staged.write(join(root, 'late.html'), 'late').then(() => staged.commit()).then(() => 'committed', (error: Error) => error.message);
    expect(late).to.match(/aborted/);
    expect(await readdir(root)).to.deep.equal(['graph.ttl']);
    expect(await readFile(join(root, 'graph.ttl'), 'utf8')).to.equal('previous');
  });
});
