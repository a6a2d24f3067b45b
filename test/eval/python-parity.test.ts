/**
 * Our scorer against the project's independent one (../shared/tools/scoring: score.py, score2.py,
 * Python with rdflib): the same name normalisation on every Unicode character, and the same counts on
 * the hand-made cases and on every development-set page as `build` writes it (and as `build
 * --no-validate` writes it: richer graphs while the shapes refuse most pages). Skipped when the
 * shared folder is absent or rdflib is missing (in CI, .ci/run installs python3-rdflib and a missing
 * rdflib fails).
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILD_DEFAULTS, type BuildSettings } from '../../src/corpus/defaults.js';
import { buildPageInto, readBuiltGraph } from '../../src/eval/build-page.js';
import { parseGold, readGold } from '../../src/eval/gold.js';
import { GraphIndex } from '../../src/eval/graph-index.js';
import { normaliseName } from '../../src/eval/normalise.js';
import { scorePage, scoreUnbuilt, type PageScore } from '../../src/eval/score.js';
import { PROJECT_ROOT } from '../../src/paths.js';
import { SCORER_CASES } from './scorer-cases.js';

const PYTHON = '/usr/bin/python3';
const SCORING = join(PROJECT_ROOT, '..', 'shared', 'tools', 'scoring');
const DEVSET = join(PROJECT_ROOT, 'test', 'fixtures', 'devset');

/** Runs score2.py (and score.py, for duplicates) on [output folder, gold file] pairs in one Python process. */
const DRIVER = `
import contextlib, io, json, os, sys
sys.path.insert(0, sys.argv[1])
import score, score2
rows = []
for outdir, gold in json.load(sys.stdin):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        score2.main(outdir, gold)
    row = json.loads(out.getvalue())
    ttl = os.path.join(outdir, 'graph.ttl')
    if os.path.exists(ttl):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            score.main(ttl, gold)
        row['duplicates'] = json.loads(out.getvalue())['duplicates']
    rows.append(row)
json.dump(rows, sys.stdout, ensure_ascii=False)
`;

/** What the Python names "missing", "extra" ... normalised, per page. */
interface PythonRow {
  readonly built: boolean;
  readonly counts: Readonly<Record<'tp' | 'pred' | 'gold' | 'aff_pred' | 'aff_pred_ok' | 'aff_gold' | 'aff_gold_ok', number>>;
  readonly date_ok: boolean;
  readonly mod_tp: number;
  readonly mod_pred: number;
  readonly mod_gold: number;
  readonly missing?: string[];
  readonly extra?: string[];
  readonly duplicates?: number;
}

function python(args: readonly string[], input: string): string {
  const run = spawnSync(PYTHON, args, { input, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`${PYTHON} ${args[0]} exited ${String(run.status)}: ${run.stderr}`);
  return run.stdout;
}

function scoreWithPython(pairs: ReadonlyArray<readonly [string, string]>): PythonRow[] {
  return JSON.parse(python(['-c', DRIVER, SCORING], JSON.stringify(pairs))) as PythonRow[];
}

/** Our score in the Python's terms. */
function asPythonRow(score: PageScore): PythonRow {
  return {
    built: score.built,
    counts: {
      tp: score.people.found, pred: score.people.predicted, gold: score.people.gold,
      aff_pred: score.pairs.predicted, aff_pred_ok: score.pairs.predictedRight, aff_gold: score.pairs.gold, aff_gold_ok: score.pairs.goldFound,
    },
    date_ok: score.startDate.right,
    mod_tp: score.moderators.found, mod_pred: score.moderators.predicted, mod_gold: score.moderators.gold,
    ...(score.built ? {
      missing: score.people.missed.map(normaliseName).sort(), extra: score.people.extra.map(normaliseName).sort(), duplicates: score.people.duplicates,
    } : {}),
  };
}

/** The Python's row, with only the fields compared. */
function compared(row: PythonRow): PythonRow {
  const { built, counts, date_ok, mod_tp, mod_pred, mod_gold, missing, extra, duplicates } = row;
  return { built, counts, date_ok, mod_tp, mod_pred, mod_gold, ...(missing === undefined ? {} : { missing: [...missing].sort(), extra: [...(extra ?? [])].sort(), duplicates }) };
}

describe('eval: our scorer agrees with the independent Python scorer', function () {
  this.timeout(600_000);
  let work: string;

  before(async function () {
    if (!existsSync(join(SCORING, 'score2.py'))) {
      console.log(`      skipped: ${SCORING} is absent`);
      this.skip();
    }
    if (spawnSync(PYTHON, ['-c', 'import rdflib']).status !== 0) {
      if (process.env.CI) throw new Error('needs python3-rdflib: .ci/run installs it');
      console.log('      skipped: needs python3-rdflib (apt-get install -y python3-rdflib)');
      this.skip();
    }
    work = await mkdtemp(join(tmpdir(), 'peacegraph-eval-parity-'));
  });
  after(async () => {
    if (work !== undefined) await rm(work, { recursive: true, force: true });
  });

  it('normalises every Unicode character as score.py does', () => {
    const script = `
import json, sys, unicodedata
sys.path.insert(0, sys.argv[1])
from score import norm
assigned = [chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) not in ('Cn', 'Cs')]
texts = ['x' + ' y'.join(assigned[i:i + 64]) for i in range(0, len(assigned), 64)]
texts += ['Mr ' + c + ' Dr. Name' for c in assigned if ord(c) < 0x3000]
json.dump([[t, norm(t)] for t in texts], sys.stdout, ensure_ascii=False)`;
    const pairs = JSON.parse(python(['-c', script, SCORING], '')) as Array<[string, string]>;
    const differing = pairs.filter(([text, normal]) => normaliseName(text) !== normal);
    expect(pairs.length).to.be.above(10_000);
    expect(differing.slice(0, 5)).to.deep.equal([]);
  });

  it('counts the hand-made cases alike', async () => {
    const runs: Array<readonly [string, string]> = [];
    const ours: PythonRow[] = [];
    for (const [position, testCase] of SCORER_CASES.entries()) {
      const outDir = join(work, `case-${position}`);
      await mkdir(outDir);
      await writeFile(join(outDir, 'graph.ttl'), testCase.turtle);
      const goldPath = join(work, `case-${position}.json`);
      await writeFile(goldPath, JSON.stringify(testCase.gold));
      runs.push([outDir, goldPath]);
      ours.push(asPythonRow(scorePage(new GraphIndex(await readBuiltGraph(outDir)), parseGold(goldPath, JSON.stringify(testCase.gold)))));
    }
    expect(ours).to.deep.equal(scoreWithPython(runs).map(compared));
  });

  const builds: ReadonlyArray<readonly [string, BuildSettings]> = [
    ['as `build` writes it', BUILD_DEFAULTS],
    // Graphs of pages the shapes refuse today: more of the contract to compare on.
    ['as `build --no-validate` writes it', { ...BUILD_DEFAULTS, validate: false }],
  ];
  for (const [how, settings] of builds) {
    it(`counts every development-set page, built ${how}, alike`, async () => {
      const pages = (await readdir(DEVSET)).filter((name) => name.endsWith('.txt')).sort();
      const runs: Array<readonly [string, string]> = [];
      const ours: PythonRow[] = [];
      const folder = await mkdtemp(join(work, 'devset-'));
      for (const page of pages) {
        const name = page.slice(0, -'.txt'.length);
        const outDir = join(folder, name);
        // score2.py writes a file beside the gold: it gets a copy.
        const goldPath = join(folder, `${name}.json`);
        await copyFile(join(DEVSET, `${name}.json`), goldPath);
        const gold = await readGold(goldPath);
        const build = await buildPageInto(join(DEVSET, page), outDir, settings);
        runs.push([outDir, goldPath]);
        ours.push(asPythonRow(build.built ? scorePage(new GraphIndex(await readBuiltGraph(outDir)), gold) : scoreUnbuilt(gold)));
      }
      expect(pages).to.have.length(20);
      expect(ours).to.deep.equal(scoreWithPython(runs).map(compared));
    });
  }
});
