import { expect } from 'chai';
import { BoundedMemo } from '../src/memo.js';

describe('memo', () => {
  it('computes a key once, also when its value is undefined', () => {
    const memo = new BoundedMemo<string, number | undefined>(10);
    let computed = 0;
    const lookUp = (): undefined => {
      computed += 1;
      return undefined;
    };
    expect(memo.get('a', lookUp)).to.equal(undefined);
    expect(memo.get('a', lookUp)).to.equal(undefined);
    expect(computed).to.equal(1);
  });

  it('starts afresh when full, and still answers', () => {
    const memo = new BoundedMemo<number, number>(2);
    const computed: number[] = [];
    const square = (key: number) => (): number => {
      computed.push(key);
      return key * key;
    };
    for (const key of [1, 2, 3, 1]) expect(memo.get(key, square(key))).to.equal(key * key);
    // 3 found the memo full: 1 and 2 were forgotten, so 1 is computed again.
    expect(computed).to.deep.equal([1, 2, 3, 1]);
  });

  it('keeps nothing when the computation throws', () => {
    const memo = new BoundedMemo<string, number>(2);
    expect(() => memo.get('bad', () => { throw new Error('no'); })).to.throw('no');
    expect(memo.get('bad', () => 7)).to.equal(7);
  });
});
