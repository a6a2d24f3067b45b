/**
 * The queries bundled in queries/*.rq. Each file starts with a comment header:
 *   # title: People by organisation
 *   # description: Who is affiliated with an organisation, matched on its name or acronym.
 *   # param: org literal   (or: # param: org iri; # param: theme literal@en, a language-tagged
 *                           literal; a trailing "required": the query answers only with a value)
 * A parameter left unset leaves its variable free: the query then answers for every value.
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { factory } from '../rdf/factory.js';
import type { Term } from '@rdfjs/types';

export type ParameterKind = 'iri' | 'literal';

export interface Parameter {
  readonly kind: ParameterKind;
  /** A literal's language tag: the value is bound as that language's text, to match the graph's labels. */
  readonly language?: string;
  /** Without a value the query is not run (e.g. one event's sub-graph: for every event, it is the whole graph). */
  readonly required: boolean;
}

export interface BundledQuery {
  readonly name: string;
  readonly path: string;
  readonly title: string;
  readonly description: string;
  readonly parameters: ReadonlyMap<string, Parameter>;
  readonly text: string;
}

const DECLARATION = /^([A-Za-z_][A-Za-z0-9_]*)\s+(iri|literal(?:@([a-z]{2,8}(?:-[a-z0-9]{1,8})*))?)(\s+required)?$/i;

export function parseHeader(name: string, path: string, text: string): BundledQuery {
  const fields = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    const match = /^#\s*(title|description|param):\s*(.*)$/.exec(line.trim());
    if (match) fields.set(match[1]!, [...(fields.get(match[1]!) ?? []), match[2]!.trim()]);
  }
  const parameters = new Map<string, Parameter>();
  for (const declaration of fields.get('param') ?? []) {
    const match = DECLARATION.exec(declaration);
    if (match === null) {
      throw new Error(`${path}: bad parameter declaration "# param: ${declaration}" (expected "# param: NAME iri|literal|literal@LANGUAGE [required]")`);
    }
    const [, parameter, kind, language, required] = match;
    parameters.set(parameter!, { kind: kind!.toLowerCase() === 'iri' ? 'iri' : 'literal', language: language?.toLowerCase(), required: required !== undefined });
  }
  return {
    name, path, text, parameters,
    title: fields.get('title')?.[0] ?? name,
    description: (fields.get('description') ?? []).join(' '),
  };
}

export async function listBundledQueries(folder: string): Promise<BundledQuery[]> {
  const files = (await readdir(folder)).filter((file) => file.endsWith('.rq')).sort();
  return Promise.all(files.map(async (file) => {
    const path = join(folder, file);
    return parseHeader(basename(file, '.rq'), path, await readFile(path, 'utf8'));
  }));
}

/** `--param name=value` pairs as RDF terms, typed by the query's declarations. */
export function parameterTerms(query: BundledQuery | undefined, pairs: readonly string[]): Map<string, Term> {
  const terms = new Map<string, Term>();
  for (const pair of pairs) {
    const separator = pair.indexOf('=');
    if (separator <= 0) throw new Error(`--param ${JSON.stringify(pair)}: expected NAME=VALUE`);
    const name = pair.slice(0, separator);
    const value = pair.slice(separator + 1);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`--param ${JSON.stringify(name)}: not a SPARQL variable name`);
    const parameter = query?.parameters.get(name);
    if (query !== undefined && parameter === undefined) {
      const known = [...query.parameters.keys()].join(', ') || 'none';
      throw new Error(`query ${query.name} has no parameter ${name} (parameters: ${known})`);
    }
    if (parameter?.kind === 'iri') {
      try {
        // The parsed href percent-encodes what an IRI may not hold ("<", ">", spaces).
        terms.set(name, factory.namedNode(new URL(value).href));
      } catch {
        throw new Error(`--param ${name}: ${JSON.stringify(value)} is not an absolute IRI`);
      }
    } else {
      terms.set(name, factory.literal(value, parameter?.language));
    }
  }
  const missing = [...query?.parameters ?? []].find(([name, parameter]) => parameter.required && !terms.has(name));
  if (missing !== undefined) {
    throw new Error(`query ${query!.name} needs a value for its parameter ${missing[0]}`);
  }
  return terms;
}
