import { expect } from 'chai';
import { parseHeader, type Line } from '../../src/segment/header.js';

/** The non-empty lines of a page with their offsets, as segmentReport hands them over. */
function linesOf(page: string): Line[] {
  return [...page.matchAll(/[^\n]+/g)].filter((match) => match[0].trim() !== '').map((match) => ({ start: match.index, end: match.index + match[0].length, text: match[0] }));
}

interface Expected {
  readonly title?: string;
  readonly startDate?: string;
  readonly endDate?: string;
  readonly published?: string;
  readonly place?: string;
}

// [layout, page written for this test, what a reader takes from its header]
const cases: Array<[string, string, Expected]> = [
  ['event page: title, range, place', 'Water and Peace Days 2019\n\n2 Oct 2019 to 4 Oct 2019\nBern, Switzerland\n\nEvent report/s:\n',
    { title: 'Water and Peace Days 2019', startDate: '2019-10-02', endDate: '2019-10-04', place: 'Bern, Switzerland' }],
  ['single session: time range with zone', 'Open standards for AI safety | IGF 2023\n\n10 Oct 2023 02:00h - 03:30h UTC\n\nEvent report\n',
    { title: 'Open standards for AI safety | IGF 2023', startDate: '2023-10-10T02:00:00Z', endDate: '2023-10-10T03:30:00Z' }],
  ['session number between title and date', 'Digital trade for small economies\n\nSession: 12\n\n3 Apr 2019 - 15:00 to 18:00\n',
    { title: 'Digital trade for small economies', startDate: '2019-04-03T15:00:00', endDate: '2019-04-03T18:00:00' }],
  ['day, then times on the next line, then place', '16 Jan 2019\n17:15 - 19:00\nVienna, Austria\n\n[Update] Slides are online.\n',
    { startDate: '2019-01-16T17:15:00', endDate: '2019-01-16T19:00:00', place: 'Vienna, Austria' }],
  ['labelled date and time lines', 'Briefing on cyber norms\n\nDate: Monday, March 2, 2020\nTime: 13:00 to 13:20\n',
    { title: 'Briefing on cyber norms', startDate: '2020-03-02T13:00:00', endDate: '2020-03-02T13:20:00' }],
  ['breadcrumb, title, day, attendance and place', 'ethics, Technology\n\nStudents from Leiden meet diplomats\n\n3 May 2022\n\nin-situ, Geneva, Switzerland\n',
    { title: 'Students from Leiden meet diplomats', startDate: '2022-05-03', place: 'Geneva, Switzerland' }],
  ['place on the date line', 'Open Forum - Net Access\n\n11 November 2019 - An Open Forum on Berlin,Germany\n',
    { title: 'Open Forum - Net Access', startDate: '2019-11-11', place: 'Berlin,Germany' }],
  ['stamp "Published on" and the event in the first sentence', 'Network leaders speak in Lima\n\nPublished on\nNovember 2, 2022\n\nThe speeches below were given at the network summit on October 12-14, 2022 in Lima, Peru.\n',
    { title: 'Network leaders speak in Lima', published: '2022-11-02', startDate: '2022-10-12', endDate: '2022-10-14' }],
  ['one-line "Published on" stamp, the event dated by a sentence about it', 'Youth voices on online safety\n\nPublished on March 13, 2018\n\nThe youth forum held in Accra on 2 March 2018 gathered 200 students.\n',
    { title: 'Youth voices on online safety', published: '2018-03-13', startDate: '2018-03-02' }],
  ['news stamp with "News stories" and a weekday date in the body', 'A new season of data talks\n\n21/03/2021 - 09:10\nNews stories\n\nThe mission opened its new series of debates on Friday, 19 March, with two ministers.\n',
    { title: 'A new season of data talks', published: '2021-03-21T09:10:00', startDate: '2021-03-19' }],
  ['a news date under a headline, no event date', 'Lively exchanges at a side event on ocean data\n\n4 July 2021\n\nThe side event gathered some forty participants at the Palais des Nations, who discussed how satellite data on the oceans can be shared fairly between states.\n',
    { title: 'Lively exchanges at a side event on ocean data', published: '2021-07-04' }],
  ['a news date under a headline, before a long first sentence', `Experts weigh the future of ocean data\n\n9 August 2021\n\nTogether with ${'partners from the region, '.repeat(14)}the institute held a side event on how satellite data on the oceans can be shared.\n`,
    { title: 'Experts weigh the future of ocean data', published: '2021-08-09' }],
  ['stamp with the author, then a dateline', 'Editor   3 Jun 2020   Diplomacy\n\nMalta, 1 June 2020. Thirty diplomats met for a debate on online trust.\n',
    { published: '2020-06-03', startDate: '2020-06-01' }],
  ['a dateline with city and country', 'Leaders of the region agree on a roadmap\n\nDakar, Senegal, 14 May 2021. Ministers of twelve states met for a two-day forum.\n',
    { title: 'Leaders of the region agree on a roadmap', startDate: '2021-05-14', place: 'Dakar, Senegal' }],
  ['reading time stamp, no event date', 'Notes from a week on digital identity\n\nJane Doe-Smith\nPublished in\n4 min readMar 9, 2021\n\nThe forum opened with a call for open standards.\n\nA quote from an article, 2 February 2021\n',
    { title: 'Notes from a week on digital identity', published: '2021-03-09' }],
  ['relative date only, category line', 'Events Peace Week Coverage\n\nData and displacement\n\nOn the second day of the week, a panel met to discuss refugee data.\n',
    { title: 'Data and displacement' }],
  ['range end in a later sentence, year from an acronym', 'Summit on rural broadband opens\n\nThe summit (RBS-2022) opened on Monday 7 March in Rabat. It will run until March 9.\n',
    { title: 'Summit on rural broadband opens', startDate: '2022-03-07', endDate: '2022-03-09' }],
  ['no year anywhere: no date', 'A day of talks\n\nThe conference opened on 7 March with a keynote.\n', { title: 'A day of talks' }],
  ['a run-on agenda line', 'High-level session 2\n\nSession 140\n\n14:00–14:45, Monday, 3 May 2021 Room A, Main Building Interpretation: E/F/S Ministerial round\n',
    { title: 'High-level session 2', startDate: '2021-05-03T14:00:00', endDate: '2021-05-03T14:45:00' }],
  ['a first paragraph starting with a date is prose, not a date line', 'Ministers agree on data rules\n\n3 May 2021 was the first day of the regional forum on data rules, held in Lomé with ministers of twelve states. It ended with a declaration.\n',
    { title: 'Ministers agree on data rules', startDate: '2021-05-03' }],
  ['a reporter line is not a title', 'Lena Fischer\n\nThe panel met in Geneva. It discussed data.\n', {}],
];

describe('segment/header parseHeader', () => {
  for (const [layout, page, expected] of cases) {
    it(`reads ${layout}`, () => {
      const { header } = parseHeader(linesOf(page).slice(0, 6), page);
      const got: Expected = {
        ...(header.title ? { title: header.title.text } : {}),
        ...(header.dates ? { startDate: header.dates.startDate } : {}),
        ...(header.dates?.endDate ? { endDate: header.dates.endDate } : {}),
        ...(header.published ? { published: header.published.date } : {}),
        ...(header.place ? { place: header.place.text } : {}),
      };
      expect(got).to.deep.equal(expected);
      for (const line of [header.title, header.dates?.line, header.published?.line, header.place]) {
        if (line) expect(page.slice(line.start, line.end)).to.equal(line.text);
      }
    });
  }

  it('counts the header block lines the body starts after, and none on a page without a date line', () => {
    const page = 'Water and Peace Days 2019\n\n2 Oct 2019 to 4 Oct 2019\nBern, Switzerland\n\nLena Fischer\n';
    expect(parseHeader(linesOf(page), page).used).to.equal(3);
    const undated = 'A day of talks\n\nThe conference opened on 7 March 2020 with a keynote.\n';
    expect(parseHeader(linesOf(undated), undated).used).to.equal(0);
    const prose = 'Ministers agree\n\n3 May 2021 will be remembered as the day the ministers of the region agreed on common rules. They met in Lomé.\n';
    expect(parseHeader(linesOf(prose), prose)).to.deep.include({ used: 0 });
  });
});
