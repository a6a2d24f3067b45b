import { expect } from 'chai';
import { mkdtemp, mkdir, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadInputs } from '../../src/read/index.js';

const REPORT = 'Geneva Peace Week 2017\n\nEvent report/s:\nRenée Larivière\n\nMs Jen Gaskell, Co-founder, BuildUp, spoke.\n';

function utf16le(text: string, bom: boolean): Buffer {
  const body = Buffer.from(text, 'utf16le');
  return bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body;
}
function utf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.alloc(le.length);
  for (let index = 0; index < le.length; index += 2) { be[index] = le[index + 1]!; be[index + 1] = le[index]!; }
  return Buffer.concat([Buffer.from([0xfe, 0xff]), be]);
}

interface Case {
  readonly name: string;
  readonly content: Buffer | string;
  readonly file?: string;
  readonly failure?: RegExp;
  readonly warning?: RegExp;
}

const cases: Case[] = [
  { name: 'plain UTF-8', content: REPORT },
  { name: 'UTF-8 with BOM and CRLF', content: `\uFEFF${REPORT.replace(/\n/g, '\r\n')}` },
  { name: 'UTF-16 LE with BOM', content: utf16le(REPORT, true), warning: /UTF-16LE/ },
  { name: 'UTF-16 LE without BOM', content: utf16le(REPORT, false), warning: /UTF-16LE/ },
  { name: 'UTF-16 BE with BOM', content: utf16be(REPORT), warning: /UTF-16BE/ },
  { name: 'Latin-1', content: Buffer.from(REPORT, 'latin1'), warning: /Windows-1252/ },
  { name: 'HTML page', file: 'page.html', content: `<!DOCTYPE html><html><head><style>p{}</style><script>x()</script></head><body><nav>Menu</nav><p>${REPORT.replace(/\n\n/g, '</p><p>')}</p></body></html>`, warning: /HTML/ },
  { name: 'empty', content: '', failure: /empty/ },
  { name: 'whitespace only', content: ' \n\t\n', failure: /empty/ },
  { name: 'binary', content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]), failure: /binary/ },
  { name: 'over the size limit', content: 'x'.repeat(2048), failure: /over the 0\.0 MiB limit/ },
];

describe('read/index', () => {
  let dir: string;
  before(async () => { dir = await mkdtemp(join(tmpdir(), 'peacegraph-read-')); });

  for (const testCase of cases) {
    it(testCase.name, async () => {
      const path = join(dir, testCase.file ?? `${testCase.name.replace(/\W+/g, '-')}.txt`);
      await writeFile(path, testCase.content);
      const result = await loadInputs([path], { maxBytes: testCase.name === 'over the size limit' ? 1024 : undefined });
      if (testCase.failure) {
        expect(result.documents).to.be.empty;
        expect(result.failures).to.have.length(1);
        expect(result.failures[0]!.path).to.equal(path);
        expect(result.failures[0]!.problem).to.match(testCase.failure);
        return;
      }
      expect(result.failures).to.deep.equal([]);
      const [document] = result.documents;
      expect(document!.text).to.include('Renée Larivière');
      expect(document!.text).to.include('Ms Jen Gaskell, Co-founder, BuildUp');
      expect(document!.text).not.to.match(/\r|\uFEFF/);
      if (testCase.name === 'HTML page') expect(document!.text).not.to.match(/Menu|x\(\)/);
      if (testCase.warning) expect(result.warnings.map((warning) => warning.problem).join('\n')).to.match(testCase.warning);
    });
  }

  it('expands a folder into its report files, sorted, skipping hidden and other files', async () => {
    const folder = join(dir, 'folder');
    await mkdir(folder);
    await writeFile(join(folder, 'b.txt'), `${REPORT}b`);
    await writeFile(join(folder, 'a.txt'), `${REPORT}a`);
    await writeFile(join(folder, '.hidden.txt'), REPORT);
    await writeFile(join(folder, 'notes.json'), '{}');
    const result = await loadInputs([folder]);
    expect(result.documents.map((document) => document.id)).to.deep.equal(['a', 'b']);
  });

  it('reports a missing path, a dangling link and an empty folder, and still loads the good file', async () => {
    const good = join(dir, 'good.txt');
    await writeFile(good, REPORT);
    const dangling = join(dir, 'dangling.txt');
    await symlink(join(dir, 'nowhere'), dangling);
    const empty = join(dir, 'empty-folder');
    await mkdir(empty);
    const result = await loadInputs([join(dir, 'missing.txt'), dangling, empty, good]);
    expect(result.documents.map((document) => document.path)).to.deep.equal([good]);
    expect(result.failures.map((failure) => [failure.path, failure.problem])).to.deep.equal([
      [join(dir, 'missing.txt'), 'no such file or folder'],
      [dangling, 'no such file or folder'],
      [empty, 'folder holds no report file (.txt, .md, .html)'],
    ]);
  });

  it('skips the same report given twice, and gives clashing base names distinct ids', async () => {
    await mkdir(join(dir, 'x'));
    await mkdir(join(dir, 'y'));
    await writeFile(join(dir, 'x', 'week.txt'), REPORT);
    await writeFile(join(dir, 'y', 'week.txt'), `${REPORT}other`);
    const result = await loadInputs([join(dir, 'x', 'week.txt'), join(dir, 'x', 'week.txt'), join(dir, 'y', 'week.txt')]);
    expect(result.documents.map((document) => document.id)).to.deep.equal(['week', 'week-2']);
    expect(result.warnings.map((warning) => warning.problem)).to.deep.equal([`same content as ${join(dir, 'x', 'week.txt')}: skipped`]);
  });
});
