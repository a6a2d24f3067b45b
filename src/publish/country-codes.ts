/**
 * Country names as reports give them -> ISO 3166-1 alpha-2 codes, which Google asks for in
 * addressCountry. Read from a data file (data/country-codes.tsv): code, then names, tab-separated.
 */
import { readFileSync } from 'node:fs';
import { BUNDLED } from '../paths.js';

export type CountryCodes = ReadonlyMap<string, string>;

const normalise = (name: string): string => name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/** Names listed under two codes ("Congo") are left out: such a name does not say which country. */
export function parseCountryCodes(text: string, path: string): CountryCodes {
  const codes = new Map<string, string>();
  const ambiguous = new Set<string>();
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    const [code, ...names] = line.split('\t');
    if (code === undefined || !/^[A-Z]{2}$/.test(code) || names.length === 0) {
      throw new Error(`${path}:${index + 1}: expected a two-letter ISO code, a tab and at least one name`);
    }
    for (const name of [code, ...names].map(normalise)) {
      if (codes.has(name) && codes.get(name) !== code) ambiguous.add(name);
      codes.set(name, code);
    }
  });
  for (const name of ambiguous) codes.delete(name);
  return codes;
}

let bundled: CountryCodes | undefined;

/** The project's table, read once. */
export function bundledCountryCodes(): CountryCodes {
  if (bundled === undefined) {
    const path = BUNDLED.countryCodes;
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      throw new Error(`${path}: cannot read the country code table: ${(error as Error).message}`);
    }
    bundled = parseCountryCodes(text, path);
  }
  return bundled;
}

/** "Switzerland" -> "CH"; a code stays a code; undefined when the name is unknown or ambiguous. */
export function countryCode(name: string, codes: CountryCodes = bundledCountryCodes()): string | undefined {
  return codes.get(normalise(name));
}
