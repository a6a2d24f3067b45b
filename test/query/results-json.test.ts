/** SPARQL results JSON read into rows, and an engine's answer written back as the text it came as. */
import { expect } from 'chai';
import { fromEngineJson, fromResultsJson, resultsJsonText, type ResultsJson } from '../../src/query/results-json.js';
import { rowLines } from '../../src/query/result.js';
import { formatResult } from '../../src/query/format.js';
import { TABLE_FORMATS } from '../../src/query/table-text.js';

const JSON_ANSWER: ResultsJson = {
  head: { vars: ['s', 'o'] },
  results: {
    bindings: [
      { s: { type: 'uri', value: 'http://example.org/a' }, o: { type: 'literal', value: 'big data', 'xml:lang': 'en' } },
      { s: { type: 'bnode', value: 'b0' }, o: { type: 'literal', value: '7', datatype: 'http://www.w3.org/2001/XMLSchema#integer' } },
      { s: { type: 'uri', value: 'http://example.org/c' } },
      { s: { type: 'uri', value: 'http://example.org/d' }, o: { type: 'literal', value: 'plain' } },
    ],
  },
};
const TEXT = JSON.stringify(JSON_ANSWER);

describe('query/results-json: answers of the local engine', () => {
  it('reads the same variables and rows as the general reader, when they are first asked for', () => {
    const answer = fromEngineJson(TEXT, 'SELECT');
    expect(answer.kind === 'bindings' && answer.variables).to.deep.equal(['s', 'o']);
    expect(rowLines(answer)).to.deep.equal(rowLines(fromResultsJson(JSON_ANSWER)));
    expect(rowLines(answer)).to.deep.equal([
      '<http://example.org/a>\t"big data"@en', '_:b0\t"7"^^<http://www.w3.org/2001/XMLSchema#integer>', '<http://example.org/c>\tUNBOUND', '<http://example.org/d>\t"plain"',
    ]);
  });

  it('is written as the text it came as, and a copy with other rows as those rows', () => {
    const answer = fromEngineJson(TEXT, 'SELECT');
    expect(resultsJsonText(answer)).to.equal(TEXT);
    if (answer.kind !== 'bindings') throw new Error('a table');
    const firstTwo = JSON.parse(resultsJsonText({ ...answer, rows: answer.rows.slice(0, 2) })) as ResultsJson;
    expect(firstTwo).to.deep.equal({ head: JSON_ANSWER.head, results: { bindings: JSON_ANSWER.results!.bindings.slice(0, 2) } });
  });

  // Printed, an engine's answer is read into plain terms, not RDF/JS ones: the text must not change.
  const printed: ResultsJson = {
    head: JSON_ANSWER.head,
    results: {
      bindings: [
        ...JSON_ANSWER.results!.bindings,
        { s: { type: 'uri', value: 'http://example.org/e' }, o: { type: 'literal', value: '=SUM(A1)\nnext, "quoted"', datatype: 'http://www.w3.org/2001/XMLSchema#string' } },
        { s: { type: 'uri', value: 'http://example.org/f' }, o: { type: 'typed-literal', value: '2020-01-01', datatype: 'http://www.w3.org/2001/XMLSchema#date' } },
      ],
    },
  };
  for (const format of TABLE_FORMATS) {
    it(`is printed as ${format} as the same answer read into RDF/JS terms`, async () => {
      const options = { prefixes: {}, context: {} };
      const text = await formatResult(fromEngineJson(JSON.stringify(printed), 'SELECT'), format, options);
      expect(text).to.include('2020-01-01');
      expect(text).to.equal(await formatResult(fromResultsJson(printed), format, options));
    });
  }

  it('reads an ASK answer as a boolean', () => {
    expect(fromEngineJson('{"head":{},"boolean":false}', 'ASK')).to.deep.equal({ kind: 'boolean', value: false });
  });
});
