/**
 * The states of the UN as reports name them: "Permanent Mission of Kenya", "the Netherlands, Chair
 * of ...", "Swiss Ambassador NAME", "Kazakhstan's Vice Minister NAME"; each with its ISO 3166-1
 * alpha-2 code for schema.org addresses. The list is data (data/countries.tsv), read once when this
 * module loads.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../paths.js';
import { normaliseName } from './knowledge.js';

export interface Country {
  /** ISO 3166-1 alpha-2: "CH". */
  readonly code: string;
  readonly status: 'member' | 'observer';
  /** The UN's short name: "Switzerland", "Republic of Korea". */
  readonly name: string;
  /** Other names reports use: "Swiss Confederation", "South Korea". */
  readonly otherNames: readonly string[];
  /** "Swiss", "South Korean". */
  readonly adjectives: readonly string[];
}

export interface Countries {
  readonly all: readonly Country[];
  /** "Italy", "Italy's", "the Netherlands", "TURKEY", "Türkiye" -> the state; undefined for anything else. */
  byName(text: string): Country | undefined;
  /** "Swiss", "Italian" -> the state. */
  byAdjective(word: string): Country | undefined;
  byCode(code: string): Country | undefined;
}

export const COUNTRIES_FILE = join(PROJECT_ROOT, 'data', 'countries.tsv');

/** How a name is looked up: normalised as organisation names are, a possessive "'s" dropped. */
function nameKey(text: string): string {
  return normaliseName(text.trim().replace(/['’]s$/u, ''));
}

function split(column: string): string[] {
  return column.split('|').map((value) => value.trim()).filter((value) => value !== '');
}

/** Reads the tab-separated list; a malformed line, or a name or adjective given to two states, is an error naming file and line. */
export function parseCountries(text: string, source: string): Countries {
  const all: Country[] = [];
  const names = new Map<string, Country>();
  const adjectives = new Map<string, Country>();
  const codes = new Map<string, Country>();
  const claim = (index: Map<string, Country>, key: string, country: Country, line: number, what: string) => {
    const owner = index.get(key);
    if (owner !== undefined && owner !== country) throw new Error(`${source}:${line}: ${what} ${JSON.stringify(key)} is already ${owner.code}'s`);
    index.set(key, country);
  };
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '' || raw.startsWith('#') || raw.startsWith('code\t')) return;
    const columns = raw.split('\t');
    const [code = '', status = '', name = '', otherNames = '', adjectiveList = ''] = columns;
    if (columns.length !== 5 || !/^[A-Z]{2}$/.test(code) || (status !== 'member' && status !== 'observer') || name.trim() === '') {
      throw new Error(`${source}:${line}: expected "code<TAB>member|observer<TAB>name<TAB>other names<TAB>adjectives", got ${JSON.stringify(raw)}`);
    }
    const country: Country = { code, status, name: name.trim(), otherNames: split(otherNames), adjectives: split(adjectiveList) };
    claim(codes, code, country, line, 'code');
    for (const value of [country.name, ...country.otherNames]) claim(names, nameKey(value), country, line, 'name');
    for (const value of country.adjectives) claim(adjectives, value.toLowerCase(), country, line, 'adjective');
    all.push(country);
  });
  return {
    all,
    byName: (text) => names.get(nameKey(text)),
    byAdjective: (word) => adjectives.get(word.trim().toLowerCase()),
    byCode: (code) => codes.get(code.toUpperCase()),
  };
}

export const COUNTRIES: Countries = parseCountries(readFileSync(COUNTRIES_FILE, 'utf8'), COUNTRIES_FILE);
