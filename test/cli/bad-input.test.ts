/**
 * Bad input through `peacegraph build`, one row per case: the exit code, stderr naming the file and
 * the problem, and the output folder afterwards -- a previous build stays byte for byte intact when
 * nothing is written, no temporary or partial file is left, and what is written parses (N3, rapper)
 * with Turtle and JSON-LD holding the same graph.
 * Exit codes (src/cli/context.ts): 0 built; 3 built the good inputs, some refused; 1 nothing written.
 */
import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Quad } from '@rdfjs/types';
import { runCli } from '../../src/cli/main.js';
import { BUNDLED } from '../../src/paths.js';
import { DEFAULT_BASE } from '../../src/rdf/namespaces.js';
import { GRAPH_FILES } from '../../src/write/outputs.js';
import { canonical } from '../write/isomorphic.js';
import { parseJsonLd, parseWithN3, rapperRejects, requireRapper } from '../properties/rdf-outputs.js';
import { binaryBytes, utf16be, utf16le, windows1252 } from '../read/encodings.js';
import { asHtmlPage, observatoryReport } from '../fixtures/bad/reports.js';

const SAMPLE_NAME = 'geneva-peace-week-2017.txt';
const SCHEMA = 'http://schema.org/';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

interface Run {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function build(args: readonly string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const exitCode = await runCli(['build', ...args], { stdout: (text) => { stdout += text; }, stderr: (text) => { stderr += text; }, isTTY: false });
  return { exitCode, stdout, stderr };
}

/** Every file under a folder with its content; temporary files included, so leftovers show. */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      files.set(path.slice(dir.length), await readFile(path, 'utf8'));
    }
  }
  return files;
}

function personIris(quads: readonly Quad[]): string[] {
  return quads.filter((quad) => quad.predicate.value === RDF_TYPE && quad.object.value === `${SCHEMA}Person`).map((quad) => quad.subject.value);
}

function personNames(quads: readonly Quad[]): string[] {
  const people = new Set(personIris(quads));
  return quads.filter((quad) => people.has(quad.subject.value) && quad.predicate.value === `${SCHEMA}name`).map((quad) => quad.object.value).sort();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The Turtle of every build checked, for rapper in the last case. */
const turtles: string[] = [];

/** The graph files parse (N3, jsonld) and hold the same graph; returns it. Keeps the Turtle for rapper. */
async function expectValidGraphFiles(files: ReadonlyMap<string, string>): Promise<Quad[]> {
  const turtle = files.get('/graph.ttl')!;
  const graph = parseWithN3(turtle, 'Turtle');
  expect(canonical(parseWithN3(files.get('/graph.nt')!, 'N-Triples'))).to.equal(canonical(graph));
  expect(canonical(await parseJsonLd(files.get('/graph.jsonld')!))).to.equal(canonical(graph));
  turtles.push(turtle);
  return graph;
}

/** A stderr line `peacegraph: <level>: <path>: <problem>`. */
function expectLine(stderr: string, level: 'error' | 'warning', path: string, problem: RegExp): void {
  const line = new RegExp(`^peacegraph: ${level}: ${escapeRegExp(path)}: (.*)$`, 'gm');
  const problems = [...stderr.matchAll(line)].map((match) => match[1]!);
  expect(problems, `stderr has no ${level} line for ${path}:\n${stderr}`).to.not.be.empty;
  expect(problems.some((text) => problem.test(text)), `no ${level} line for ${path} matches ${problem}:\n${stderr}`).to.equal(true);
}

interface Row {
  readonly name: string;
  /** Creates the inputs in `dir`; returns the arguments after `build` (without --out). */
  readonly setup: (dir: string) => Promise<string[]>;
  readonly exitCode: 0 | 1 | 3;
  /** Paths relative to the case folder, with the problem stderr must give for each. */
  readonly errors?: ReadonlyArray<readonly [string, RegExp]>;
  readonly warnings?: ReadonlyArray<readonly [string, RegExp]>;
  /** The final one-line message of a refused build. */
  readonly fatal?: RegExp;
  /** The output folder must be byte for byte that of the plain UTF-8 sample (same file name). */
  readonly sameOutputAsReference?: true;
  /** Further checks on a written graph (its Turtle triples). */
  readonly check?: Check;
}

/** `reference` is the graph of the sample report built as plain UTF-8 under the same file name. */
type Check = (graph: readonly Quad[], context: { readonly reference: readonly Quad[] }) => void;

function write(name: string, content: string | Buffer): (dir: string) => Promise<string[]> {
  return async (dir) => {
    await writeFile(join(dir, name), content);
    return [join(dir, name)];
  };
}

const samePeopleAsReference: Check = (graph, { reference }) => {
  expect(personNames(graph)).to.deep.equal(personNames(reference));
};
const hasPeople = (...names: string[]): Check => (graph) => {
  expect(personNames(graph)).to.include.members(names);
};
const all = (...checks: Check[]): Check => (graph, context) => { for (const check of checks) check(graph, context); };
const hasLiterals = (...values: string[]): Check => (graph) => {
  const literals = new Set(graph.filter((quad) => quad.object.termType === 'Literal').map((quad) => quad.object.value));
  for (const value of values) expect(literals.has(value), `literal ${JSON.stringify(value)}`).to.equal(true);
};
const hasPersonIris = (...keys: string[]): Check => (graph) => {
  expect(personIris(graph)).to.include.members(keys.map((key) => `${DEFAULT_BASE}person/${key}`));
};

let sample = '';

/** The generated report without its date and place lines. */
function withoutDateLines(report: string): string {
  return report.replace('4 Nov 2019 to 8 Nov 2019\nGeneva, Switzerland\n', '');
}
const rows: Row[] = [
  { name: 'empty file', setup: write('empty.txt', ''), exitCode: 1, errors: [['empty.txt', /^empty file \(0 bytes\)$/]], fatal: /no report could be built/ },
  { name: 'white space only', setup: write('blank.txt', '\n \t\r\n'), exitCode: 1, errors: [['blank.txt', /^empty file \(only white space\)$/]] },
  { name: 'binary file named .txt', setup: write('photo.txt', binaryBytes(8192)), exitCode: 1, errors: [['photo.txt', /^binary file/]] },
  {
    name: 'UTF-16 LE with BOM', setup: async (dir) => write(SAMPLE_NAME, utf16le(sample, true))(dir), exitCode: 0,
    warnings: [[SAMPLE_NAME, /^converted from UTF-16LE$/]], sameOutputAsReference: true,
  },
  {
    name: 'UTF-16 BE without BOM', setup: async (dir) => write(SAMPLE_NAME, utf16be(sample, false))(dir), exitCode: 0,
    warnings: [[SAMPLE_NAME, /^converted from UTF-16BE$/]], sameOutputAsReference: true,
  },
  {
    name: 'Windows-1252 (Latin-1)', setup: async (dir) => write(SAMPLE_NAME, windows1252(sample))(dir), exitCode: 0,
    warnings: [[SAMPLE_NAME, /^converted from Windows-1252/]], sameOutputAsReference: true,
  },
  {
    name: 'UTF-8 BOM and CRLF line ends', setup: async (dir) => write(SAMPLE_NAME, `\uFEFF${sample.replace(/\n/g, '\r\n')}`)(dir), exitCode: 0,
    sameOutputAsReference: true,
  },
  {
    name: 'HTML page instead of text', setup: async (dir) => write('geneva-peace-week-2017.html', asHtmlPage(sample))(dir), exitCode: 0,
    warnings: [['geneva-peace-week-2017.html', /^HTML page: used its visible text/]], check: samePeopleAsReference,
  },
  {
    name: 'HTML page with no text', setup: write('empty.html', '<!DOCTYPE html><html><head><script>go()</script></head><body><nav>Menu</nav></body></html>'),
    exitCode: 1, errors: [['empty.html', /^HTML page with no visible text$/]],
  },
  {
    name: 'HTML page nested too deeply (would overflow the stack)', exitCode: 1, errors: [['deep.html', /^HTML page whose text cannot be extracted \(nested too deeply\)$/]],
    setup: write('deep.html', `<html><body>${'<div>'.repeat(12000)}${'</div>'.repeat(12000)}</body></html>`),
  },
  {
    name: 'a page with no "Event report/s:" and no people',
    setup: write('essay.txt', 'Thoughts on peace\n\nPeace is more than the absence of war. It needs institutions, trust and time.\n'),
    exitCode: 1, errors: [['essay.txt', /unknown layout/]],
  },
  {
    name: 'a report without date and place (built, with a warning per missing fact)',
    setup: write('undated.txt', withoutDateLines(observatoryReport())), exitCode: 0,
    warnings: [['undated.txt', /^no event date found/], ['undated.txt', /^no event place found/]],
    check: hasPeople('Lukas Brunner'),
  },
  {
    name: 'truncated page (cut in the middle of a word)', setup: async (dir) => write('cut.txt', sample.slice(0, Math.floor(sample.length * 0.55)))(dir), exitCode: 0,
    check: (graph, { reference }) => {
      const names = personNames(graph);
      expect(names.length).to.be.above(0).and.below(personNames(reference).length);
      expect(personNames(reference)).to.include.members(names);
    },
  },
  {
    name: '50 MB file', exitCode: 1, errors: [['huge.txt', /^file is too large: 47\.7 MiB \(50000000 bytes\), over the limit of 10\.0 MiB/]],
    setup: async (dir) => {
      await writeFile(join(dir, 'huge.txt'), '');
      await truncate(join(dir, 'huge.txt'), 50_000_000);
      return [join(dir, 'huge.txt')];
    },
  },
  {
    name: 'report over a lowered --max-size', exitCode: 1, errors: [[SAMPLE_NAME, /^file is too large: 32\.7 KiB \(33458 bytes\), over the limit of 10\.2 KiB \(10485 bytes\) \(raise it with --max-size\)$/]],
    setup: async (dir) => [...(await write(SAMPLE_NAME, sample)(dir)), '--max-size', '0.01'],
  },
  {
    name: '--max-size that is not a number', exitCode: 1, fatal: /^peacegraph: error: --max-size must be a positive number of MiB$/m,
    setup: async (dir) => [...(await write(SAMPLE_NAME, sample)(dir)), '--max-size', 'ten'],
  },
  {
    name: '--base that is not an IRI', exitCode: 1, fatal: /^peacegraph: error: --base "not an iri" is not an absolute IRI/m,
    setup: async (dir) => [...(await write(SAMPLE_NAME, sample)(dir)), '--base', 'not an iri'],
  },
  {
    name: 'folder with one bad report among good ones', exitCode: 3, errors: [[join('reports', 'b-broken.txt'), /^binary file/]],
    setup: async (dir) => {
      await mkdir(join(dir, 'reports'));
      await writeFile(join(dir, 'reports', 'a-forum.txt'), observatoryReport());
      await writeFile(join(dir, 'reports', 'b-broken.txt'), binaryBytes(4096));
      await writeFile(join(dir, 'reports', SAMPLE_NAME), sample);
      return [join(dir, 'reports')];
    },
    check: hasPeople('Amina Okafor', 'Lukas Brunner', 'Einar Bjorgo'),
  },
  {
    name: 'folder with one bad report, --strict', exitCode: 1, errors: [[join('reports', 'b-broken.txt'), /^binary file/]], fatal: /--strict/,
    setup: async (dir) => {
      await mkdir(join(dir, 'reports'));
      await writeFile(join(dir, 'reports', 'a-forum.txt'), observatoryReport());
      await writeFile(join(dir, 'reports', 'b-broken.txt'), binaryBytes(4096));
      return [join(dir, 'reports'), '--strict'];
    },
  },
  { name: 'non-existent path', setup: async (dir) => [join(dir, 'nowhere.txt')], exitCode: 1, errors: [['nowhere.txt', /^no such file or folder$/]] },
  {
    name: 'unreadable: dangling symbolic link', exitCode: 1, errors: [['link.txt', /^no such file or folder$/]],
    setup: async (dir) => {
      await symlink(join(dir, 'gone.txt'), join(dir, 'link.txt'));
      return [join(dir, 'link.txt')];
    },
  },
  {
    name: 'unreadable: a named pipe where a file is expected', exitCode: 1, errors: [['pipe.txt', /^not a regular file/]],
    setup: async (dir) => {
      execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
      return [join(dir, 'pipe.txt')];
    },
  },
  {
    name: 'unreadable: a folder named like a report, beside a good report', exitCode: 3, errors: [[join('reports', 'z-folder.txt'), /^is a folder/]],
    setup: async (dir) => {
      await mkdir(join(dir, 'reports'));
      await writeFile(join(dir, 'reports', 'a-forum.txt'), observatoryReport());
      await symlink(dir, join(dir, 'reports', 'z-folder.txt'));
      return [join(dir, 'reports')];
    },
    check: hasPeople('Amina Okafor'),
  },
  {
    name: 'empty folder', exitCode: 1, errors: [['reports', /^folder holds no report file/]],
    setup: async (dir) => {
      await mkdir(join(dir, 'reports'));
      await writeFile(join(dir, 'reports', 'readme.pdf'), 'not a report');
      return [join(dir, 'reports')];
    },
  },
  {
    name: 'a missing path beside a good report', exitCode: 3, errors: [['missing.txt', /^no such file or folder$/]],
    setup: async (dir) => [join(dir, 'missing.txt'), ...(await write('forum.txt', observatoryReport())(dir))],
    check: hasPeople('Amina Okafor', 'Lukas Brunner'),
  },
  {
    name: 'the same report twice (two paths, same content)', exitCode: 0, warnings: [[join('copy', SAMPLE_NAME), /^same content as .*: skipped$/]],
    setup: async (dir) => {
      await mkdir(join(dir, 'copy'));
      await writeFile(join(dir, SAMPLE_NAME), sample);
      await writeFile(join(dir, 'copy', SAMPLE_NAME), sample);
      return [join(dir, SAMPLE_NAME), join(dir, 'copy', SAMPLE_NAME)];
    },
    sameOutputAsReference: true,
  },
  {
    name: 'control characters inside the text', exitCode: 0, warnings: [['bell.txt', /^removed 2 control character\(s\)$/]],
    setup: write('bell.txt', observatoryReport().replace('discussed', 'discussed\u0007').replace('thanked', '\u001bthanked')),
    check: hasPeople('Amina Okafor', 'Lukas Brunner'),
  },
  {
    name: 'names and titles with quotes, angle brackets and backslashes', exitCode: 0,
    setup: write('quotes.txt', observatoryReport({
      event: 'The "Forum" <2019> \\ edition',
      moderator: { name: 'Amina "Mina" O\'Kafor', title: 'Director <Research> & Policy' },
      speaker: { name: 'Lukas Brünner\\Smith', title: 'Adviser """ \'\'\' \\n', organisation: 'Lab <script>alert(1)</script>' },
    })),
    check: all(hasPeople('Lukas Brünner'), hasLiterals('The "Forum" <2019> \\ edition')),
  },
  {
    name: 'names with emoji', exitCode: 0,
    setup: write('emoji.txt', observatoryReport({ event: 'Peace 🕊️ Forum 2019', moderator: { name: 'Amina 🌍 Okafor' }, speaker: { title: 'Chief 👩🏽‍💻 Officer', organisation: 'Lab 🇨🇭' } })),
    check: all(hasPeople('Lukas Brunner'), hasLiterals('Peace 🕊️ Forum 2019', 'Chief 👩🏽‍💻 Officer', 'Lab 🇨🇭')),
  },
  {
    name: 'right-to-left text, with a bidi override', exitCode: 0,
    setup: write('rtl.txt', observatoryReport({
      event: 'منتدى السلام الرقمي 2019', moderator: { name: 'محمد عبد الله', title: 'مدير' },
      speaker: { title: 'מנהל מחקר \u202eecaep', organisation: 'המכון לשלום', acronym: 'ILS' },
    })),
    check: all(hasPeople('Lukas Brunner'), hasLiterals('منتدى السلام الرقمي 2019', 'מנהל מחקר \u202eecaep')),
  },
  {
    name: 'a name broken across lines', exitCode: 0,
    setup: write('newline.txt', observatoryReport({ moderator: { name: 'Amina\nOkafor' }, speaker: { title: 'Senior\r\nAdviser' } })),
    check: hasPersonIris('amina-okafor', 'lukas-brunner'),
  },
  {
    name: 'very long names and titles', exitCode: 0,
    setup: write('long.txt', observatoryReport({ event: `Forum ${'of peace '.repeat(200)}`, moderator: { name: `Amina ${'Okafor-'.repeat(60)}Okafor`, title: 'Director '.repeat(300) } })),
    check: all(hasPeople('Lukas Brunner', `Amina ${'Okafor-'.repeat(60)}Okafor`), hasLiterals(`Forum ${'of peace '.repeat(200)}`.trim())),
  },
];

describe('cli: bad input to build (issue 8)', function () {
  this.timeout(60000);
  let root: string;
  let reference: Quad[];
  let referenceFiles: Map<string, string>;

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'peacegraph-bad-input-'));
    sample = await readFile(join(BUNDLED.reports, SAMPLE_NAME), 'utf8');
    await mkdir(join(root, 'reference'));
    await writeFile(join(root, 'reference', SAMPLE_NAME), sample);
    const run = await build([join(root, 'reference', SAMPLE_NAME), '--out', join(root, 'reference', 'out')]);
    expect(run.exitCode, run.stderr).to.equal(0);
    referenceFiles = await snapshot(join(root, 'reference', 'out'));
    reference = await expectValidGraphFiles(referenceFiles);
  });
  after(() => rm(root, { recursive: true, force: true }));

  it('has at least 20 cases', () => {
    expect(rows.length).to.be.at.least(20);
  });

  rows.forEach((row, index) => {
    it(row.name, async () => {
      const dir = join(root, `case-${index}`);
      const out = join(dir, 'out');
      await mkdir(out, { recursive: true });
      // A previous build: must survive a refused build untouched.
      for (const name of GRAPH_FILES) await writeFile(join(out, name), `previous ${name}\n`);
      const before = await snapshot(out);
      const args = await row.setup(dir);
      const run = await build([...args, '--out', out]);

      expect(run.exitCode, run.stderr).to.equal(row.exitCode);
      for (const [path, problem] of row.errors ?? []) expectLine(run.stderr, 'error', join(dir, path), problem);
      for (const [path, problem] of row.warnings ?? []) expectLine(run.stderr, 'warning', join(dir, path), problem);
      // Error lines name inputs; the closing line of a refused build (row.fatal) is checked below.
      const errorLines = run.stderr.split('\n').filter((line) => line.includes('error:') && !(row.fatal?.test(line) ?? false));
      if (row.errors === undefined) expect(errorLines).to.deep.equal([]);
      const after = await snapshot(out);
      if (row.exitCode === 1) {
        if (row.fatal) expect(run.stderr).to.match(row.fatal);
        expect(after).to.deep.equal(before);
        return;
      }
      expect([...after.keys()].filter((name) => /\.tmp$|^\/\.(?!peacegraph-manifest\.json$|peacegraph-split\/)/.test(name)), 'temporary files left').to.deep.equal([]);
      expect(after.get('/graph.ttl')).to.not.equal(before.get('/graph.ttl'));
      if (row.sameOutputAsReference) {
        expect(after).to.deep.equal(referenceFiles);
        return;
      }
      row.check?.(await expectValidGraphFiles(after), { reference });
    });
  });

  it('says how many files it wrote, the split of graph.nt counted apart', async () => {
    const dir = join(root, 'counted');
    await mkdir(join(dir, 'reports'), { recursive: true });
    await writeFile(join(dir, 'reports', SAMPLE_NAME), sample);
    const out = join(dir, 'out');
    const run = await build([join(dir, 'reports'), '--out', out]);
    expect(run.exitCode, run.stderr).to.equal(0);
    const { files } = JSON.parse(await readFile(join(out, '.peacegraph-manifest.json'), 'utf8')) as { files: string[] };
    const split = files.filter((name) => name.startsWith('.peacegraph-split/')).length;
    expect(split).to.be.above(10);
    expect(run.stderr).to.include(`peacegraph: wrote ${files.length - split} files to ${out} (and graph.nt split by predicate into ${split} files, for queries)\n`);
  });

  // [options, the lines expected at the end of stderr]
  const closings: Array<[string[], RegExp]> = [
    [[], /\npeacegraph: 2 reports built, 1 built with warnings, 1 refused\n$/],
    [['--quiet'], /^(?:(?!warning:).)*\npeacegraph: 2 reports built, 1 built with warnings, 1 refused\n$/s],
    [['--strict'], /\npeacegraph: 2 reports built, 1 built with warnings, 1 refused\npeacegraph: error: 1 input\(s\) refused and --strict is set: nothing written\n$/],
  ];
  for (const [options, closing] of closings) {
    it(`ends a build with how many reports were built, with warnings and refused${options.length > 0 ? ` (${options.join(' ')})` : ''}`, async () => {
      const dir = join(root, `closing${options.join('')}`);
      await mkdir(join(dir, 'reports'), { recursive: true });
      await writeFile(join(dir, 'reports', SAMPLE_NAME), sample);
      await writeFile(join(dir, 'reports', 'undated.txt'), withoutDateLines(observatoryReport()));
      await writeFile(join(dir, 'reports', 'photo.txt'), binaryBytes(64));
      const run = await build([join(dir, 'reports'), '--out', join(dir, 'out'), ...options]);
      expect(run.exitCode, run.stderr).to.equal(options.includes('--strict') ? 1 : 3);
      expect(run.stderr).to.match(closing);
    });
  }

  it('a refused build creates no output folder at all', async () => {
    const out = join(root, 'never', 'out');
    const run = await build([join(root, 'does-not-exist.txt'), '--out', out]);
    expect(run.exitCode).to.equal(1);
    expect(await readdir(join(root, 'never')).catch(() => 'absent')).to.equal('absent');
  });

  it('rapper accepts the Turtle of every build checked above', function () {
    requireRapper(this);
    expect(turtles).to.not.be.empty;
    for (const turtle of turtles) expect(rapperRejects(turtle, 'turtle')).to.equal(undefined);
  });
});
