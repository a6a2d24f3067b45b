/**
 * A user's decisions on who is who (data/people-identity.tsv): a name that is the same person as
 * another name, and a name that in one report is another person than elsewhere. Without them a
 * person is the slug of the name (src/rdf/iri.ts): same name, same IRI.
 */
import { readFile } from 'node:fs/promises';
import { nameIdentity, slugify } from '../rdf/iri.js';

export interface IdentityRules {
  /** The name a person named `name` goes by: the same-as decision's, else `name`. */
  canonical(name: string): string;
  /** Whether `name` in the report `reportId` is another person than the name elsewhere. */
  distinct(name: string, reportId: string): boolean;
}

/** A report file named by the user, compared as SourceDocument ids are made (slug of the base name). */
function reportKey(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return slugify(base.replace(/\.[^.]+$/, ''));
}

/** Reads the decisions; a malformed line is an error naming the file and line. */
export function parseIdentityRules(text: string, path: string): IdentityRules {
  const sameAs = new Map<string, string>();
  const distinct = new Set<string>();
  text.split(/\r?\n/).forEach((raw, index) => {
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) return;
    const [decision = '', first = '', second = '', ...rest] = raw.split('\t').map((field) => field.trim());
    const where = `${path}:${index + 1}`;
    if (first === '' || second === '' || rest.some((field) => field !== '')) {
      throw new Error(`${where}: expected "same-as<TAB>NAME<TAB>NAME" or "not-same-as<TAB>NAME<TAB>REPORT FILE"`);
    }
    if (decision === 'same-as') sameAs.set(nameIdentity(first), second);
    else if (decision === 'not-same-as') distinct.add(`${nameIdentity(first)}\u0000${reportKey(second)}`);
    else throw new Error(`${where}: unknown decision "${decision}" (same-as or not-same-as)`);
  });
  return {
    canonical: (name) => sameAs.get(nameIdentity(name)) ?? name,
    distinct: (name, reportId) => distinct.has(`${nameIdentity(name)}\u0000${reportId}`),
  };
}

export async function loadIdentityRules(path: string): Promise<IdentityRules> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`${path}: cannot read the identity decisions: ${(error as Error).message}`);
  }
  return parseIdentityRules(text, path);
}
