/** The answers kept for paging: the row budget, the least recently used dropped first, one computation shared. */
import { expect } from 'chai';
import { factory } from '../../src/rdf/factory.js';
import { KeptAnswers, pageOf, type KeptAnswer } from '../../src/query/kept-answers.js';

const SHAPE = { form: 'SELECT', variables: ['n'], ordered: true } as const;
const answer = (rows: number): KeptAnswer => ({
  shape: SHAPE, variables: ['n'], rows: Array.from({ length: rows }, (_, index) => ({ n: factory.literal(String(index)) })),
});
const values = (kept: KeptAnswer) => kept.rows.map((row) => row.n!.value);

describe('query/kept-answers', () => {
  it('keeps answers within the row budget, dropping the least recently used first', async () => {
    const kept = new KeptAnswers(10);
    for (const [key, rows] of [['a', 4], ['b', 4]] as const) await kept.getOrCompute(key, async () => answer(rows));
    kept.get('a');
    await kept.getOrCompute('c', async () => answer(4));
    expect([kept.get('a') !== undefined, kept.get('b') !== undefined, kept.get('c') !== undefined]).to.deep.equal([true, false, true]);
  });

  it('never keeps an answer larger than the budget, nor an answer that is no listing', async () => {
    const kept = new KeptAnswers(3);
    expect(values((await kept.getOrCompute('big', async () => answer(4)))!)).to.have.length(4);
    expect(await kept.getOrCompute('none', async () => undefined)).to.equal(undefined);
    expect(kept.size).to.equal(0);
  });

  it('computes an answer once for callers that ask at the same time', async () => {
    const kept = new KeptAnswers(10);
    let computations = 0;
    const compute = async () => {
      computations += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return answer(3);
    };
    const [first, second] = await Promise.all([kept.getOrCompute('k', compute), kept.getOrCompute('k', compute)]);
    expect([computations, first === second]).to.deep.equal([1, true]);
  });

  const pages: Array<[string, number, number, string[], boolean]> = [
    ['the first page', 0, 2, ['0', '1'], true],
    ['a middle page', 2, 2, ['2', '3'], true],
    ['the last page, full', 3, 2, ['3', '4'], false],
    ['a page past the end', 6, 2, [], false],
  ];
  for (const [name, offset, size, rows, more] of pages) {
    it(`slices ${name}`, () => {
      const page = pageOf(answer(5), { offset, size });
      expect([page.result.kind === 'bindings' ? page.result.rows.map((row) => row.n!.value) : [], page.truncated]).to.deep.equal([rows, more]);
    });
  }
});
