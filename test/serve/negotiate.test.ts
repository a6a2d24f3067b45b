import { expect } from 'chai';
import { negotiate, type AnswerKind } from '../../src/serve/negotiate.js';

describe('serve/negotiate', () => {
  // Expected answers worked out by hand from RFC 9110 section 12.5.1 (Accept).
  const cases: Array<[string | undefined, AnswerKind, string | undefined]> = [
    [undefined, 'table', 'application/sparql-results+json'],
    ['', 'graph', 'text/turtle'],
    ['text/html,*/*', 'table', 'application/sparql-results+json'],
    ['text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'table', 'application/xml'],
    ['text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'graph', 'text/turtle'],
    ['text/csv;q=0.5, application/sparql-results+xml', 'table', 'application/sparql-results+xml'],
    ['text/csv;q=0.9, text/tab-separated-values;q=1', 'table', 'text/tab-separated-values'],
    ['text/csv, application/sparql-results+json', 'table', 'text/csv'],
    ['text/*', 'table', 'text/csv'],
    ['application/ld+json', 'graph', 'application/ld+json'],
    ['application/n-quads', 'graph', 'application/n-quads'],
    ['application/rdf+xml', 'graph', 'application/rdf+xml'],
    ['text/turtle;charset=utf-8;q=0.4, application/n-triples;q=0.6', 'graph', 'application/n-triples'],
    ['*/*;q=0.1, text/turtle;q=0', 'graph', 'application/n-triples'],
    ['TEXT/Turtle', 'graph', 'text/turtle'],
    // Nothing offered fits: 406 rather than another type.
    ['application/sparql-results+json', 'graph', undefined],
    ['text/turtle', 'table', undefined],
    ['application/rdf+xml', 'table', undefined],
    ['image/png', 'graph', undefined],
    ['*/*;q=0', 'table', undefined],
    ['application/sparql-results+json;q=0, text/csv;q=0', 'table', undefined],
  ];
  for (const [accept, kind, expected] of cases) {
    it(`${accept ?? '(no Accept)'} for a ${kind} -> ${expected ?? '406'}`, () => {
      expect(negotiate(accept, kind)?.mediaType).to.equal(expected);
    });
  }
});
