/**
 * `eval` from start to end: pages and their gold files, each page built alone and scored, then
 * totals per layout family and over all pages. Every gold file is read and checked before the
 * first build, so a mistake in one is reported at once.
 */
import { readdir } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { expandInputs } from '../read/expand.js';
import { describeFsError, InputError } from '../read/problems.js';
import { buildPage } from './build-page.js';
import { loadLayoutFamilies, layoutFamily } from './families.js';
import { readGold, type GoldPage } from './gold.js';
import { GraphIndex } from './graph-index.js';
import { pageRatesOf, totalsOf, type PageRates, type Totals } from './metrics.js';
import { scorePage, scoreUnbuilt, type PageScore } from './score.js';

export interface PageEvaluation {
  /** Base name of the page, without extension. */
  readonly page: string;
  readonly path: string;
  readonly goldPath: string;
  readonly layout: string;
  readonly family: string;
  /** Why the page was not built. */
  readonly problem?: string;
  readonly score: PageScore;
  readonly rates: PageRates;
}

export interface EvalReport {
  readonly pages: readonly PageEvaluation[];
  /** Families in name order. */
  readonly families: ReadonlyArray<{ readonly family: string } & Totals>;
  readonly total: Totals;
}

export interface EvalOptions {
  /** Folder of gold files (PAGE.json beside or apart from PAGE.txt). */
  readonly goldDir: string;
  /** Pages, or folders of pages; the gold folder's *.txt when empty. */
  readonly inputs?: readonly string[];
  readonly onPage?: (done: number, total: number) => void;
}

/** The gold folder's *.txt files, in code-unit order. */
async function goldFolderPages(goldDir: string): Promise<string[]> {
  const entries = await readdir(goldDir, { withFileTypes: true }).catch((error: unknown) => {
    throw new InputError(goldDir, `gold folder: ${describeFsError(error)}`);
  });
  const names = entries.filter((entry) => entry.isFile() && !entry.name.startsWith('.') && extname(entry.name) === '.txt').map((entry) => entry.name).sort();
  if (names.length === 0) throw new InputError(goldDir, 'gold folder holds no page (*.txt): name the pages to evaluate');
  return names.map((name) => join(goldDir, name));
}

async function pagesToEvaluate(options: EvalOptions): Promise<string[]> {
  if (options.inputs === undefined || options.inputs.length === 0) return goldFolderPages(options.goldDir);
  const { files, failures } = await expandInputs(options.inputs);
  if (failures.length > 0) throw failures[0]!;
  return files;
}

function pageName(path: string): string {
  return basename(path, extname(path));
}

export async function runEval(options: EvalOptions): Promise<EvalReport> {
  const pages = await pagesToEvaluate(options);
  const families = await loadLayoutFamilies();
  const golds: GoldPage[] = [];
  for (const page of pages) golds.push(await readGold(join(options.goldDir, `${pageName(page)}.json`)));
  const evaluations: PageEvaluation[] = [];
  for (const [position, path] of pages.entries()) {
    const gold = golds[position]!;
    const build = await buildPage(path);
    const score = build.built ? scorePage(new GraphIndex(build.quads), gold) : scoreUnbuilt(gold);
    evaluations.push({
      page: pageName(path), path, goldPath: gold.path, layout: gold.layout, family: layoutFamily(gold.layout, families),
      ...(build.built ? {} : { problem: build.problem }), score, rates: pageRatesOf(score),
    });
    options.onPage?.(position + 1, pages.length);
  }
  const familyNames = [...new Set(evaluations.map((evaluation) => evaluation.family))].sort();
  return {
    pages: evaluations,
    families: familyNames.map((family) => ({ family, ...totalsOf(evaluations.filter((evaluation) => evaluation.family === family).map((evaluation) => evaluation.score)) })),
    total: totalsOf(evaluations.map((evaluation) => evaluation.score)),
  };
}
