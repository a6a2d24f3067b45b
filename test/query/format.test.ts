import { expect } from 'chai';
import { DataFactory } from 'n3';
import { formatResult, formatTable } from '../../src/query/format.js';
import type { QueryResult } from '../../src/query/result.js';

const { namedNode, literal } = DataFactory;

const people: Extract<QueryResult, { kind: 'bindings' }> = {
  kind: 'bindings',
  variables: ['name', 'org'],
  rows: [
    { name: literal('Ana Lima'), org: namedNode('https://w3id.org/peacegraph/id/org/unitar') },
    { name: literal('Bo, "Jr"') },
  ],
};

describe('format', () => {
  it('aligns a table, leaves unbound cells empty and counts the rows', () => {
    expect(formatTable(people)).to.equal([
      'name      org',
      '--------  -----------------------------------------',
      'Ana Lima  https://w3id.org/peacegraph/id/org/unitar',
      'Bo, "Jr"',
      '(2 rows)',
      '',
    ].join('\n'));
  });

  const cases: Array<[string, 'csv' | 'tsv', string]> = [
    ['quotes CSV fields with commas and quotes', 'csv', 'name,org\r\nAna Lima,https://w3id.org/peacegraph/id/org/unitar\r\n"Bo, ""Jr""",\r\n'],
    ['writes TSV terms in Turtle syntax', 'tsv', '?name\t?org\n"Ana Lima"\t<https://w3id.org/peacegraph/id/org/unitar>\n"Bo, \\"Jr\\""\t\n'],
  ];
  for (const [name, format, expected] of cases) {
    it(name, async () => {
      expect(await formatResult(people, format, { prefixes: {}, context: {} })).to.equal(expected);
    });
  }
});
