import { expect } from 'chai';
import { f1, pageRatesOf, totalsOf } from '../../src/eval/metrics.js';
import type { PageScore } from '../../src/eval/score.js';

function page(overrides: Partial<{ built: boolean; people: [number, number, number, number]; pairs: [number, number, number, number]; moderators: [number, number, number]; date: [string | undefined, string[]] }>): PageScore {
  const [found, predicted, gold, duplicates] = overrides.people ?? [0, 0, 0, 0];
  const [predictedRight, pairsPredicted, goldFound, pairsGold] = overrides.pairs ?? [0, 0, 0, 0];
  const [modFound, modPredicted, modGold] = overrides.moderators ?? [0, 0, 0];
  const [goldDate, days] = overrides.date ?? [undefined, []];
  const built = overrides.built ?? true;
  return {
    built,
    people: { found, predicted, gold, duplicates, missed: [], extra: [] },
    pairs: { predictedRight, predicted: pairsPredicted, goldFound, gold: pairsGold, missed: [], extra: [] },
    moderators: { found: modFound, predicted: modPredicted, gold: modGold, missed: [], extra: [] },
    startDate: { gold: goldDate, found: days, right: built && (goldDate === undefined || days.includes(goldDate)) },
  };
}

describe('eval/metrics', () => {
  it('f1 is the harmonic mean, 0 when both are 0', () => {
    expect(f1(0.5, 1)).to.be.closeTo(2 / 3, 1e-12);
    expect(f1(0, 0)).to.equal(0);
  });

  it('on a page, duplicates lower person precision; nothing predicted is precision 0; nothing in the gold is recall 1', () => {
    const rates = pageRatesOf(page({ people: [2, 2, 4, 2], pairs: [0, 0, 0, 0], moderators: [0, 1, 0] }));
    expect(rates.people).to.deep.equal({ precision: 0.5, recall: 0.5, f1: 0.5 });
    expect(rates.pairs).to.deep.equal({ precision: 0, recall: 1, f1: 0 });
    expect(rates.moderators).to.deep.equal({ precision: 0, recall: 1, f1: 0 });
  });

  it('totals sum counts over pages (person precision over distinct names, as score-set does)', () => {
    const totals = totalsOf([
      page({ people: [2, 2, 4, 2], pairs: [1, 2, 1, 4], moderators: [1, 1, 2], date: ['2022-03-14', ['2022-03-14']] }),
      page({ people: [0, 1, 2, 0], pairs: [0, 1, 0, 2], date: ['2022-01-01', ['2021-12-31']] }),
      page({ built: false, people: [0, 0, 3, 0], pairs: [0, 0, 0, 3], moderators: [0, 0, 1] }),
      page({ date: [undefined, ['2020-05-05']] }),
    ]);
    expect(totals.pages).to.equal(4);
    expect(totals.built).to.equal(3);
    expect(totals.people).to.include({ found: 2, predicted: 3, gold: 9, precision: 2 / 3, recall: 2 / 9 });
    expect(totals.pairs).to.include({ predictedRight: 1, predicted: 3, goldFound: 1, gold: 9, precision: 1 / 3, recall: 1 / 9 });
    expect(totals.moderators).to.include({ found: 1, predicted: 1, gold: 3, precision: 1, recall: 1 / 3 });
    // Dated pages: two; the undated page's day is a found day that matches no gold.
    expect(totals.startDates).to.include({ right: 1, dated: 2, rightShare: 0.5, precision: 1 / 3, recall: 0.5 });
  });

  it('totals of nothing are zeros, not NaN', () => {
    const totals = totalsOf([]);
    expect([totals.people.f1, totals.pairs.f1, totals.moderators.f1, totals.startDates.rightShare]).to.deep.equal([0, 0, 0, 0]);
  });
});
