/**
 * A short layout-family key for a gold page, from its "layout" line and the keyword table in
 * data/eval/layout-families.json, so that `eval` can total pages of one family together.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../paths.js';

export const LAYOUT_FAMILIES_PATH = join(PROJECT_ROOT, 'data', 'eval', 'layout-families.json');

export interface LayoutFamilies {
  readonly families: ReadonlyArray<{ readonly family: string; readonly keywords: readonly string[] }>;
  readonly otherwise: string;
}

function isLayoutFamilies(value: unknown): value is LayoutFamilies {
  const candidate = value as Partial<LayoutFamilies> | null;
  return typeof candidate === 'object' && candidate !== null && typeof candidate.otherwise === 'string'
    && Array.isArray(candidate.families)
    && candidate.families.every((entry) => typeof entry?.family === 'string' && Array.isArray(entry.keywords)
      && entry.keywords.every((keyword: unknown) => typeof keyword === 'string' && keyword !== ''));
}

export async function loadLayoutFamilies(path: string = LAYOUT_FAMILIES_PATH): Promise<LayoutFamilies> {
  const parsed: unknown = JSON.parse(await readFile(path, 'utf8'));
  if (!isLayoutFamilies(parsed)) throw new Error(`${path}: expected {"families": [{"family", "keywords": [...]}, ...], "otherwise"}`);
  return parsed;
}

/** The first family with a keyword in the layout line, else the table's catch-all. */
export function layoutFamily(layout: string, table: LayoutFamilies): string {
  const text = layout.toLowerCase();
  return table.families.find((entry) => entry.keywords.some((keyword) => text.includes(keyword.toLowerCase())))?.family ?? table.otherwise;
}
