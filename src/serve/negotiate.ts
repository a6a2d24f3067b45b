/**
 * Content negotiation for the SPARQL 1.1 Protocol (RFC 9110 section 12.5.1): the Accept header
 * against the media types offered for a kind of answer. No fitting type means 406 Not Acceptable,
 * never another type the client did not ask for.
 */
import type { OutputFormat } from '../query/format.js';
import { BoundedMemo } from '../memo.js';

/** What the endpoint writes: the query formats, plus N-Quads and RDF/XML for graphs. */
export type ServedFormat = OutputFormat | 'nquads' | 'rdfxml';

/** A table (SELECT, ASK) or a graph (CONSTRUCT, DESCRIBE, the service description). */
export type AnswerKind = 'table' | 'graph';

export interface Offer {
  readonly mediaType: string;
  readonly format: ServedFormat;
  /** The Content-Type header sent. */
  readonly contentType: string;
}

const offer = (mediaType: string, format: ServedFormat, contentType = mediaType): Offer => ({ mediaType, format, contentType });

/** In the server's order of preference: the first is the default and wins ties on wildcards. */
export const OFFERS: Readonly<Record<AnswerKind, readonly Offer[]>> = {
  table: [
    offer('application/sparql-results+json', 'json'),
    offer('application/json', 'json', 'application/sparql-results+json'),
    offer('application/sparql-results+xml', 'xml'),
    offer('application/xml', 'xml', 'application/sparql-results+xml'),
    offer('text/csv', 'csv', 'text/csv; charset=utf-8'),
    offer('text/tab-separated-values', 'tsv', 'text/tab-separated-values; charset=utf-8'),
    offer('text/plain', 'table', 'text/plain; charset=utf-8'),
  ],
  graph: [
    offer('text/turtle', 'turtle', 'text/turtle; charset=utf-8'),
    offer('application/n-triples', 'ntriples', 'application/n-triples; charset=utf-8'),
    offer('application/n-quads', 'nquads', 'application/n-quads; charset=utf-8'),
    offer('application/ld+json', 'jsonld'),
    offer('application/rdf+xml', 'rdfxml', 'application/rdf+xml; charset=utf-8'),
  ],
};

interface MediaRange {
  readonly type: string;
  readonly subtype: string;
  readonly q: number;
  readonly index: number;
}

function parseAccept(accept: string): MediaRange[] {
  return accept.split(',').flatMap((part, index) => {
    const [range = '', ...parameters] = part.split(';').map((piece) => piece.trim().toLowerCase());
    const [type, subtype] = range.split('/');
    if (!type || !subtype) return [];
    const qParameter = parameters.find((parameter) => /^q\s*=/.test(parameter));
    const q = qParameter === undefined ? 1 : Number(qParameter.slice(qParameter.indexOf('=') + 1));
    return [{ type, subtype, q: Number.isFinite(q) ? Math.min(1, Math.max(0, q)) : 0, index }];
  });
}

/** 2 for an exact match, 1 for a type wildcard (text/*), 0 for the any-type range, -1 for no match. */
function specificity(range: MediaRange, mediaType: string): number {
  const [type, subtype] = mediaType.split('/');
  if (range.type === '*' && range.subtype === '*') return 0;
  if (range.type !== type) return -1;
  if (range.subtype === '*') return 1;
  return range.subtype === subtype ? 2 : -1;
}

/** Accept headers read so far, by kind of answer, and the offer each chose. */
const negotiated = new BoundedMemo<string, Offer | undefined>(256);

/**
 * The offer the client prefers: each offered type takes the quality of its most specific matching
 * range; the highest quality wins, then an exact match over a wildcard, then the client's order,
 * then the server's. A missing or empty Accept header means any type: the server's default.
 */
export function negotiate(accept: string | undefined, kind: AnswerKind): Offer | undefined {
  const offers = OFFERS[kind];
  if (accept === undefined || accept.trim() === '') return offers[0];
  // A client sends the same Accept header with every request: its reading is kept.
  return negotiated.get(`${kind} ${accept}`, () => bestOffer(parseAccept(accept), offers));
}

function bestOffer(ranges: readonly MediaRange[], offers: readonly Offer[]): Offer | undefined {
  let best: { offer: Offer; q: number; exact: boolean; index: number } | undefined;
  for (const candidate of offers) {
    let match: { range: MediaRange; level: number } | undefined;
    for (const range of ranges) {
      const level = specificity(range, candidate.mediaType);
      if (level > (match?.level ?? -1)) match = { range, level };
    }
    if (match === undefined || match.range.q === 0) continue;
    const scored = { offer: candidate, q: match.range.q, exact: match.level === 2, index: match.range.index };
    if (best === undefined || scored.q > best.q || (scored.q === best.q
      && ((scored.exact && !best.exact) || (scored.exact === best.exact && scored.index < best.index)))) {
      best = scored;
    }
  }
  return best?.offer;
}

/** The media types offered for a kind of answer, for a 406 message. */
export function offeredTypes(kind: AnswerKind): string[] {
  return OFFERS[kind].map((candidate) => candidate.mediaType);
}
