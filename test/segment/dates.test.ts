import { expect } from 'chai';
import { parseDateLine } from '../../src/segment/dates.js';

describe('segment/dates parseDateLine', () => {
  const cases: Array<[string, ReturnType<typeof parseDateLine>]> = [
    ['6 Nov 2017 to 10 Nov 2017', { startDate: '2017-11-06', endDate: '2017-11-10' }],
    ['6–10 November 2017', { startDate: '2017-11-06', endDate: '2017-11-10' }],
    ['30 Sept 2019 to 2 Oct 2019', { startDate: '2019-09-30', endDate: '2019-10-02' }],
    ['14 Mar 2018', { startDate: '2018-03-14' }],
    ['14 Mar 2018 to 14 Mar 2018', { startDate: '2018-03-14' }],
    ['31 Feb 2018', undefined],
    ['Geneva, Switzerland', undefined],
    ['The week opened on 6 Nov 2017 with a panel.', undefined],
  ];
  for (const [line, expected] of cases) {
    it(`reads "${line}"`, () => expect(parseDateLine(line)).to.deep.equal(expected));
  }
});
