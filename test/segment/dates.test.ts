import { expect } from 'chai';
import { findDates, parseDateLine, parseTimeLine, withTimes, type DateRange } from '../../src/segment/dates.js';

describe('segment/dates parseDateLine', () => {
  // [a date line as observatory pages write it, the range expected by hand]
  const cases: Array<[string, DateRange | undefined]> = [
    ['6 Nov 2017 to 10 Nov 2017', { startDate: '2017-11-06', endDate: '2017-11-10' }],
    ['6–10 November 2017', { startDate: '2017-11-06', endDate: '2017-11-10' }],
    ['30 Sept 2019 to 2 Oct 2019', { startDate: '2019-09-30', endDate: '2019-10-02' }],
    ['14 Mar 2018', { startDate: '2018-03-14' }],
    ['14 Mar 2018 to 14 Mar 2018', { startDate: '2018-03-14' }],
    ['2 May 2016 11:45h', { startDate: '2016-05-02T11:45:00' }],
    ['12 Feb 2020 08:30h - 10:00h', { startDate: '2020-02-12T08:30:00', endDate: '2020-02-12T10:00:00' }],
    ['3 Jul 2021 01:15h - 02:45h UTC', { startDate: '2021-07-03T01:15:00Z', endDate: '2021-07-03T02:45:00Z' }],
    ['5 Sep 2020 - 09:30 to 11:00', { startDate: '2020-09-05T09:30:00', endDate: '2020-09-05T11:00:00' }],
    ['07/12/2020 - 14:10', { startDate: '2020-12-07T14:10:00' }],
    ['Date: Friday, January 10, 2020 / Time: 10:00 to 10:40', { startDate: '2020-01-10T10:00:00', endDate: '2020-01-10T10:40:00' }],
    ['4 March 2020 | 09:00-10:15 | Room XII', { startDate: '2020-03-04T09:00:00', endDate: '2020-03-04T10:15:00' }],
    ['10:30-11:15, Monday, 6 July 2020 Blue Room', { startDate: '2020-07-06T10:30:00', endDate: '2020-07-06T11:15:00' }],
    ['15 May 2022, 14.00-15.30 CEST', { startDate: '2022-05-15T14:00:00+02:00', endDate: '2022-05-15T15:30:00+02:00' }],
    ['2 December 2021, 16.00-17.00 CET', { startDate: '2021-12-02T16:00:00+01:00', endDate: '2021-12-02T17:00:00+01:00' }],
    ['June 12–14, 2018', { startDate: '2018-06-12', endDate: '2018-06-14' }],
    ['30 May - 2 June 2022', { startDate: '2022-05-30', endDate: '2022-06-02' }],
    ['29 Dec - 3 Jan 2021', { startDate: '2020-12-29', endDate: '2021-01-03' }],
    ['Session Time: Wednesday, 4 December, 2019 - 11:00 to 12:30', { startDate: '2019-12-04T11:00:00', endDate: '2019-12-04T12:30:00' }],
    ['31 Feb 2018', undefined],
    ['Geneva, Switzerland', undefined],
    ['The week opened on 6 Nov 2017 with a panel.', undefined],
    ['yesterday', undefined],
  ];
  for (const [line, expected] of cases) {
    it(`reads "${line}"`, () => expect(parseDateLine(line)).to.deep.equal(expected));
  }
});

describe('segment/dates findDates', () => {
  // [text, years to try for a date without one, the ranges expected by hand]
  const cases: Array<[string, number[], DateRange[]]> = [
    ['From 2 to 4 June 2021 the network met in Accra.', [], [{ startDate: '2021-06-02', endDate: '2021-06-04' }]],
    ['Between 8 and 9 April 2019 the working group drafted its report.', [], [{ startDate: '2019-04-08', endDate: '2019-04-09' }]],
    ['The forum (TF-2021) began on Tuesday 7 September.', [2021], [{ startDate: '2021-09-07' }]],
    // 7 September 2020 was a Monday: the stated weekday rules that year out.
    ['It began on Tuesday 7 September.', [2020, 2021], [{ startDate: '2021-09-07' }]],
    ['It began on 7 September.', [], []],
    ['Delegates met yesterday and again on the second day of the week.', [2021], []],
    ['The summit takes place on October 3-5, 2022 in Kigali.', [], [{ startDate: '2022-10-03', endDate: '2022-10-05' }]],
  ];
  for (const [text, years, expected] of cases) {
    it(`finds ${expected.length} date(s) in "${text}"`, () => {
      expect(findDates(text, { years }).map(({ startDate, endDate }) => (endDate === undefined ? { startDate } : { startDate, endDate }))).to.deep.equal(expected);
    });
  }

  it('gives the offsets of what it read in the text it was given', () => {
    const text = 'Opened on 2 June 2021 by the chair.';
    const [found] = findDates(text);
    expect(text.slice(found!.index, found!.index + found!.text.length)).to.equal(found!.text);
    expect(found!.text).to.match(/2 June 2021$/);
  });
});

describe('segment/dates time lines', () => {
  it('joins a time range on the next line to a day', () => {
    const times = parseTimeLine('16:30 - 18:00');
    expect(times).to.not.equal(undefined);
    expect(withTimes({ startDate: '2020-02-03' }, times!)).to.deep.equal({ startDate: '2020-02-03T16:30:00', endDate: '2020-02-03T18:00:00' });
  });

  it('reads a labelled time line with a zone', () => {
    expect(withTimes({ startDate: '2020-02-03' }, parseTimeLine('Time: 09:15 to 10:00 CET')!)).to.deep.equal({ startDate: '2020-02-03T09:15:00+01:00', endDate: '2020-02-03T10:00:00+01:00' });
  });

  it('does not read a sentence or a day as a time line', () => {
    expect(parseTimeLine('The panel started at 16:30 and ended late in the evening.')).to.equal(undefined);
    expect(parseTimeLine('3 Feb 2020')).to.equal(undefined);
  });
});
