import { expect } from 'chai';
import { DataFactory, Parser } from 'n3';
import { formatResult } from '../../src/query/format.js';
import { formatTable, isFormulaLike } from '../../src/query/table-text.js';
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

  describe('cells a spreadsheet would run (OWASP CSV injection)', () => {
    const cells: Array<[string, boolean]> = [
      ['=HYPERLINK("http://x","click")', true], ['+Director', true], ['-2+3+cmd|\' /C calc\'!A0', true], ['@SUM(A1:A2)', true],
      ['\tx', true], ['\rx', true], ['-3', false], ['+1.5', false], ['-1e5', false], ['Ana = Lima', false], ['', false], ['a-b', false],
    ];
    for (const [value, formula] of cells) {
      it(`${JSON.stringify(value)} is ${formula ? '' : 'not '}formula-like`, () => expect(isFormulaLike(value)).to.equal(formula));
    }

    const hostile: Extract<QueryResult, { kind: 'bindings' }> = {
      kind: 'bindings', variables: ['v'],
      rows: ['=HYPERLINK("http://x")', '+Director', '@x', '-3', '\tTab'].map((value) => ({ v: literal(value) })),
    };

    it('prefixes formula-like CSV cells with a quote', async () => {
      expect(await formatResult(hostile, 'csv', { prefixes: {}, context: {} })).to.equal(
        ['v', '"\'=HYPERLINK(""http://x"")"', "'+Director", "'@x", '-3', "'\tTab", ''].join('\r\n'));
    });

    it('writes formula-like TSV literals with an escaped first character that a Turtle parser reads back unchanged', async () => {
      const lines = (await formatResult(hostile, 'tsv', { prefixes: {}, context: {} })).split('\n').slice(1, -1);
      expect(lines.map((line) => line.slice(0, 7))).to.deep.equal(['"\\u003D', '"\\u002B', '"\\u0040', '"-3"', '"\\tTab"']);
      const values = lines.map((line) => (new Parser().parse(`<http://s> <http://p> ${line} .`)[0]!.object.value));
      expect(values).to.deep.equal(hostile.rows.map((row) => row.v!.value));
    });
  });
});
