/** Minting of stable, readable IRIs: one path segment per kind of resource, slugs without "/". */
import type { NamedNode, DataFactory } from '@rdfjs/types';
import { DEFAULT_BASE, type ResourceKind } from './namespaces.js';

/**
 * ASCII slug of a text: diacritics folded ("Renée Larivière" -> "renee-lariviere"), anything else
 * than [a-z0-9] collapsed to "-". Empty input gives "x" so an IRI never ends with its kind's "/".
 */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug === '' ? 'x' : slug;
}

/** Checks a user-given base IRI and ends it with "/" or "#" so kinds append cleanly. */
export function normaliseBase(base: string): string {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new Error(`--base ${JSON.stringify(base)} is not an absolute IRI (e.g. ${DEFAULT_BASE})`);
  }
  if (!/^https?:$/.test(url.protocol)) {
    throw new Error(`--base ${JSON.stringify(base)} must be an http(s) IRI`);
  }
  // Characters an IRI may not hold, and a query part that minted names would land inside.
  if (/[\s<>"{}|\\^`?]/u.test(base) || /#./.test(base)) {
    throw new Error(`--base ${JSON.stringify(base)} holds characters an IRI namespace may not (spaces, <>"{}|\\^\`, "?", or text after "#")`);
  }
  return /[/#]$/.test(base) ? base : `${base}/`;
}

export type Minter = (kind: ResourceKind, key: string) => NamedNode;

/** `mint('person', 'einar-bjorgo')` -> <BASE/person/einar-bjorgo>. Keys must already be slugs. */
export function createMinter(factory: DataFactory, base: string = DEFAULT_BASE): Minter {
  const root = normaliseBase(base);
  return (kind, key) => factory.namedNode(`${root}${kind}/${key}`);
}

/** Namespace of one kind under a base, for Turtle prefixes. */
export function kindNamespace(base: string, kind: ResourceKind): string {
  return `${normaliseBase(base)}${kind}/`;
}
