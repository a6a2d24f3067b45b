import { expect } from 'chai';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, mkdtemp, mkdir, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError, loadInputs, type LoadResult } from '../../src/read/index.js';
import { PROJECT_ROOT } from '../../src/paths.js';
import { binaryBytes, utf16be, utf16le } from './encodings.js';

const REPORT = 'Geneva Peace Week 2017\n\nEvent report/s:\nRenée Larivière\n\nMs Jen Gaskell, Co-founder, BuildUp, spoke.\n';
const HTML_REPORT = `<!DOCTYPE html><html><head><style>p{}</style><script>x()</script></head><body><nav>Menu</nav><p>${REPORT.trim().replace(/\n+/g, '</p><p>')}</p></body></html>`;

interface Case {
  readonly name: string;
  /** Creates the input inside dir and returns the path to give to loadInputs. */
  readonly make: (dir: string) => Promise<string>;
  readonly maxBytes?: number;
  readonly failure?: RegExp;
  readonly warning?: RegExp;
}

function file(name: string, content: Buffer | string): (dir: string) => Promise<string> {
  return async (dir) => {
    const path = join(dir, name);
    await writeFile(path, content);
    return path;
  };
}

const cases: Case[] = [
  { name: 'plain UTF-8', make: file('plain.txt', REPORT) },
  { name: 'UTF-8 with BOM and CRLF', make: file('bom-crlf.txt', `\uFEFF${REPORT.replace(/\n/g, '\r\n')}`) },
  { name: 'UTF-16 LE with BOM', make: file('utf16le.txt', utf16le(REPORT, true)), warning: /converted from UTF-16LE/ },
  { name: 'UTF-16 LE without BOM', make: file('utf16le-nobom.txt', utf16le(REPORT, false)), warning: /converted from UTF-16LE/ },
  { name: 'UTF-16 BE with BOM', make: file('utf16be.txt', utf16be(REPORT, true)), warning: /converted from UTF-16BE/ },
  { name: 'Latin-1', make: file('latin1.txt', Buffer.from(REPORT, 'latin1')), warning: /converted from Windows-1252/ },
  { name: 'HTML page', make: file('page.html', HTML_REPORT), warning: /HTML page/ },
  { name: 'HTML page saved as .txt', make: file('page.txt', HTML_REPORT), warning: /HTML page/ },
  { name: 'UTF-16 HTML page', make: file('page16.htm', utf16le(HTML_REPORT, true)), warning: /UTF-16LE[\s\S]*HTML page/ },
  { name: 'Markdown', make: file('report.md', REPORT) },
  { name: 'empty', make: file('empty.txt', ''), failure: /^empty file \(0 bytes\)$/ },
  { name: 'whitespace only', make: file('blank.txt', ' \r\n\t\n\uFEFF'), failure: /^empty file \(only white space\)$/ },
  { name: 'HTML page without text', make: file('script.html', '<html><body><script>x()</script><nav>Menu</nav></body></html>'), failure: /^HTML page with no visible text$/ },
  {
    name: 'HTML nested too deeply to extract', make: file('deep.html', `<html><body>${'<div>'.repeat(12000)}text${'</div>'.repeat(12000)}</body></html>`),
    failure: /^HTML page whose text cannot be extracted \(nested too deeply\)$/,
  },
  { name: 'binary', make: file('image.txt', binaryBytes(2048)), failure: /^binary file/ },
  { name: 'over the size limit', make: file('big.txt', 'x'.repeat(2048)), maxBytes: 1024, failure: /^file is too large: 2\.0 KiB \(2048 bytes\), over the limit of 1\.0 KiB \(1024 bytes\) \(raise it with --max-size\)$/ },
  {
    name: 'a 50 MB file is refused by its size before any byte is read (its sparse NULs would say binary)',
    make: async (dir) => {
      const path = join(dir, 'huge.txt');
      await writeFile(path, '');
      await truncate(path, 50 * 1000 * 1000);
      return path;
    },
    failure: /^file is too large: 47\.7 MiB \(50000000 bytes\), over the limit of 10\.0 MiB/,
  },
  { name: 'missing path', make: async (dir) => join(dir, 'missing.txt'), failure: /^no such file or folder$/ },
  {
    name: 'dangling symbolic link',
    make: async (dir) => {
      const path = join(dir, 'dangling.txt');
      await symlink(join(dir, 'nowhere'), path);
      return path;
    },
    failure: /^no such file or folder$/,
  },
  {
    name: 'symbolic link loop',
    make: async (dir) => {
      const path = join(dir, 'loop.txt');
      await symlink(path, path);
      return path;
    },
    failure: /^symbolic link loop/,
  },
  {
    name: 'empty folder',
    make: async (dir) => {
      const path = join(dir, 'empty-folder');
      await mkdir(path);
      await writeFile(join(path, 'notes.json'), '{}');
      return path;
    },
    failure: /^folder holds no report file/,
  },
  {
    name: 'named pipe',
    make: async (dir) => {
      const path = join(dir, 'pipe.txt');
      execFileSync('mkfifo', [path]);
      return path;
    },
    failure: /^not a regular file/,
  },
];

describe('read/index', () => {
  let root: string;
  before(async () => { root = await mkdtemp(join(tmpdir(), 'peacegraph-read-')); });
  after(() => rm(root, { recursive: true, force: true }));

  cases.forEach((testCase, index) => {
    it(testCase.name, async () => {
      const dir = join(root, `case-${index}`);
      await mkdir(dir);
      const path = await testCase.make(dir);
      const result = await loadInputs([path], { maxBytes: testCase.maxBytes });
      if (testCase.failure) {
        expect(result.documents).to.deep.equal([]);
        expect(result.failures).to.have.length(1);
        expect(result.failures[0]!.path).to.equal(path);
        expect(result.failures[0]!.problem).to.match(testCase.failure);
        return;
      }
      expect(result.failures).to.deep.equal([]);
      expect(result.documents).to.have.length(1);
      const document = result.documents[0]!;
      expect(document.path).to.equal(path);
      expect(document.id).to.match(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(document.text).to.include('Renée Larivière');
      expect(document.text).to.include('Ms Jen Gaskell, Co-founder, BuildUp');
      expect(document.text).not.to.match(/\r|\uFEFF|Menu|x\(\)/);
      expect(document.text.normalize('NFC')).to.equal(document.text);
      const warnings = result.warnings.map((warning) => warning.problem).join('\n');
      if (testCase.warning) expect(warnings).to.match(testCase.warning);
      else expect(warnings).to.equal('');
    });
  });

  it('expands a folder into its report files, sorted, skipping hidden files, sub-folders and other files', async () => {
    const folder = join(root, 'folder');
    await mkdir(join(folder, 'sub.txt'), { recursive: true });
    await writeFile(join(folder, 'b.txt'), `${REPORT}b`);
    await writeFile(join(folder, 'a.md'), `${REPORT}a`);
    await writeFile(join(folder, 'C.html'), `<html><body>${REPORT}c</body></html>`);
    await writeFile(join(folder, '.hidden.txt'), REPORT);
    await writeFile(join(folder, 'notes.json'), '{}');
    const result = await loadInputs([folder]);
    expect(result.documents.map((document) => document.id)).to.deep.equal(['c', 'a', 'b']);
    expect(result.failures).to.deep.equal([]);
  });

  it('in a folder, reports the bad file and still loads the good ones', async () => {
    const folder = join(root, 'mixed');
    await mkdir(folder);
    await writeFile(join(folder, 'good-1.txt'), `${REPORT}1`);
    await writeFile(join(folder, 'bad.txt'), binaryBytes(512));
    await writeFile(join(folder, 'good-2.txt'), `${REPORT}2`);
    await symlink(root, join(folder, 'folder-link.txt'));
    const result = await loadInputs([folder]);
    expect(result.documents.map((document) => document.id)).to.deep.equal(['good-1', 'good-2']);
    expect(result.failures.map((failure) => [failure.path, failure.problem.split(' (')[0]])).to.deep.equal([
      [join(folder, 'bad.txt'), 'binary file'],
      [join(folder, 'folder-link.txt'), 'is a folder, not a file'],
    ]);
  });

  it('skips the same content given twice (even encoded differently), and gives clashing base names distinct ids', async () => {
    const [x, y, z] = ['x', 'y', 'z'].map((name) => join(root, 'twice', name));
    for (const dir of [x, y, z]) await mkdir(dir!, { recursive: true });
    await writeFile(join(x!, 'week.txt'), REPORT);
    await writeFile(join(y!, 'week.txt'), `${REPORT}other`);
    await writeFile(join(z!, 'Week!.txt'), utf16le(REPORT.replace(/\n/g, '\r\n'), true));
    const first = join(x!, 'week.txt');
    const result = await loadInputs([first, first, join(y!, 'week.txt'), join(z!, 'Week!.txt')]);
    expect(result.documents.map((document) => document.id)).to.deep.equal(['week', 'week-2']);
    expect(result.warnings.filter((warning) => warning.problem.includes('same content'))).to.deep.equal([
      { path: first, problem: `same content as ${first}: skipped` },
      { path: join(z!, 'Week!.txt'), problem: `same content as ${first}: skipped` },
    ]);
  });

  it('ids are ASCII slugs of the base name, and the sha256 is of the normalised text', async () => {
    const dir = join(root, 'ids');
    await mkdir(dir);
    const path = join(dir, 'Genève Peace Week — 2017 (copy).TXT');
    await writeFile(path, `\uFEFF${REPORT.replace(/\n/g, '\r\n')}`);
    const [document] = (await loadInputs([path])).documents;
    expect(document!.id).to.equal('geneve-peace-week-2017-copy');
    expect(document!.sha256).to.equal(createHash('sha256').update(REPORT).digest('hex'));
  });

  it('refuses a size limit that is not a number', async () => {
    for (const maxBytes of [Number.NaN, -1]) {
      let error: unknown;
      await loadInputs([root], { maxBytes }).catch((caught: unknown) => { error = caught; });
      expect(error).to.be.instanceOf(RangeError);
    }
  });

  // Root reads any file, so the unreadable case runs as user nobody (setpriv) when the tests run as root.
  it('a file without read permission is refused as "permission denied"', async function () {
    const dir = join(root, 'private');
    await mkdir(dir);
    await chmod(dir, 0o755);
    const path = join(dir, 'secret.txt');
    await writeFile(path, REPORT, { mode: 0o000 });
    let result: LoadResult;
    if (process.getuid?.() !== 0) {
      result = await loadInputs([path]);
    } else {
      const script = `const { loadInputs } = await import(${JSON.stringify(join(PROJECT_ROOT, 'src/read/index.ts'))}); process.stdout.write(JSON.stringify(await loadInputs([${JSON.stringify(path)}])));`;
      const child = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, '--import', 'tsx', '--input-type=module', '-e', script], { cwd: PROJECT_ROOT, encoding: 'utf8' });
      if (child.error !== undefined) this.skip();
      expect(child.status, child.stderr).to.equal(0);
      result = JSON.parse(child.stdout) as LoadResult;
    }
    expect(result).to.deep.equal({ documents: [], failures: [{ path, problem: 'permission denied (EACCES)' }], warnings: [] });
  });

  it('InputError names the file and the problem', () => {
    const error = new InputError('reports/a.txt', 'binary file (contains NUL bytes)');
    expect(error.message).to.equal('reports/a.txt: binary file (contains NUL bytes)');
    expect(error.toFailure()).to.deep.equal({ path: 'reports/a.txt', problem: 'binary file (contains NUL bytes)' });
  });
});
