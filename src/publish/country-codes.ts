/**
 * Country names as reports give them -> ISO 3166-1 alpha-2 codes, which Google asks for in
 * addressCountry. The states and their codes are data/countries.tsv (src/extract/countries.ts),
 * the one list of countries extraction also reads.
 */
import { COUNTRIES, type Countries } from '../extract/countries.js';

/** "Switzerland" -> "CH"; a code stays a code; undefined for anything that is no state. */
export function countryCode(name: string, countries: Countries = COUNTRIES): string | undefined {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  return countries.byName(trimmed)?.code ?? countries.byCode(trimmed)?.code;
}
