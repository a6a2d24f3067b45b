/** The bundled queries' headers: parameter declarations, and values bound as the declarations say. */
import { expect } from 'chai';
import { parameterTerms, parseHeader, type Parameter } from '../../src/query/bundled.js';
import { termText } from '../../src/query/result.js';

const SELECT = 'SELECT * WHERE { ?s ?p ?o }';

describe('query/bundled: parameter declarations', () => {
  const declarations: Array<[string, Parameter]> = [
    ['org literal', { kind: 'literal', language: undefined, required: false }],
    ['who iri', { kind: 'iri', language: undefined, required: false }],
    ['theme literal@en', { kind: 'literal', language: 'en', required: false }],
    ['theme literal@pt-BR', { kind: 'literal', language: 'pt-br', required: false }],
    ['event literal required', { kind: 'literal', language: undefined, required: true }],
  ];
  for (const [declaration, expected] of declarations) {
    it(`reads "# param: ${declaration}"`, () => {
      const query = parseHeader('q', 'q.rq', `# param: ${declaration}\n${SELECT}`);
      expect([...query.parameters.values()]).to.deep.equal([expected]);
    });
  }

  for (const declaration of ['org', 'org text', 'org literal@', 'org literal optional', '1org literal']) {
    it(`refuses "# param: ${declaration}", naming the file`, () => {
      expect(() => parseHeader('q', 'queries/q.rq', `# param: ${declaration}\n${SELECT}`)).to.throw(/^queries\/q\.rq: bad parameter declaration/);
    });
  }

  const bindings: Array<[string, string, string]> = [
    ['org literal', 'org=UNITAR', '"UNITAR"'],
    ['theme literal@en', 'theme=big data', '"big data"@en'],
    ['who iri', 'who=http://example.org/a', '<http://example.org/a>'],
  ];
  for (const [declaration, pair, term] of bindings) {
    it(`binds ${pair} to ${term} for "# param: ${declaration}"`, () => {
      const query = parseHeader('q', 'q.rq', `# param: ${declaration}\n${SELECT}`);
      expect([...parameterTerms(query, [pair]).values()].map(termText)).to.deep.equal([term]);
    });
  }

  it('refuses to leave a required parameter unset, and leaves an optional one free', () => {
    const query = parseHeader('one-event', 'q.rq', `# param: event literal required\n# param: org literal\n${SELECT}`);
    expect(() => parameterTerms(query, ['org=UNITAR'])).to.throw('query one-event needs a value for its parameter event');
    expect([...parameterTerms(query, ['event=Forum']).keys()]).to.deep.equal(['event']);
  });
});
