import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { segmentReport, type SegmentedReport } from '../../src/segment/report.js';
import { PROJECT_ROOT } from '../../src/paths.js';

/** Every line/paragraph a segment keeps must be the exact slice of the text at its offsets. */
function expectExactSpans(text: string, segmented: SegmentedReport): void {
  const { title, dates, place, venue, street } = segmented.header;
  const spans = [title, dates?.line, place, venue, street, ...segmented.closing, ...segmented.sections.flatMap((s) => [s.reporter, ...s.paragraphs])];
  for (const span of spans) if (span) expect(text.slice(span.start, span.end)).to.equal(span.text);
}

const PAGE = [
  'Open Data for Mediation', '',
  '3 Apr 2019 to 4 Apr 2019', '',
  'Palais des Nations', 'Avenue de la Paix 8-14', 'Geneva, Switzerland', '',
  'Event report/s:', '',
  'Lena Fischer', '',
  'The discussion looked at how open data can help mediators prepare tal', '',
  'The discussion looked at how open data can help mediators prepare talks. Speakers agreed on three points.', '',
  'A second paragraph of the report.', '',
  'Omar Haddad', '',
  'The second session turned to satellite imagery.', '',
  'The event is organised by the Geneva Peacebuilding Platform and will focus on the theme of ‘Data and trust’.', '',
  'The GIP Digital Watch observatory is provided by', 'Scroll to Top',
].join('\n');

describe('segment/report segmentReport', () => {
  const segmented = segmentReport(PAGE);

  it('reads title, dates, venue, street and place of the header', () => {
    const { title, dates, place, venue, street } = segmented.header;
    expect([title?.text, dates?.startDate, dates?.endDate, venue?.text, street?.text, place?.text]).to.deep.equal([
      'Open Data for Mediation', '2019-04-03', '2019-04-04', 'Palais des Nations', 'Avenue de la Paix 8-14', 'Geneva, Switzerland',
    ]);
  });

  it('starts a section at each reporter line and drops the cut teaser', () => {
    expect(segmented.sections.map((s) => s.reporter?.text)).to.deep.equal(['Lena Fischer', 'Omar Haddad']);
    expect(segmented.sections[0]!.paragraphs.map((p) => p.text.slice(0, 30))).to.deep.equal(['The discussion looked at how o', 'A second paragraph of the repo']);
  });

  it('separates the closing description and drops the footer', () => {
    expect(segmented.closing.map((p) => p.text)).to.have.length(1);
    expect(segmented.closing[0]!.text).to.match(/^The event is organised by/);
    const kept = segmented.sections.flatMap((s) => s.paragraphs).map((p) => p.text).join('\n');
    expect(kept).not.to.match(/Digital Watch|Scroll to Top/);
    expect(segmented.truncated).to.equal(false);
  });

  it('keeps exact offsets', () => expectExactSpans(PAGE, segmented));

  const layouts: Array<{ name: string; text: string; reporters: Array<string | undefined>; truncated: boolean; paragraphs: number }> = [
    {
      name: 'single session without header',
      text: 'Lena Fischer\n\nThe panel met in Geneva. It discussed data.\n\nIt ended with questions.\n',
      reporters: ['Lena Fischer'], truncated: false, paragraphs: 2,
    },
    {
      name: 'empty field labels before the text',
      text: 'Speakers:\n\nModerator:\n\nLena Fischer\n\nThe panel met in Geneva.\n',
      reporters: ['Lena Fischer'], truncated: false, paragraphs: 1,
    },
    {
      name: 'page cut off mid-sentence',
      text: 'Lena Fischer\n\nThe panel met in Geneva.\n\nMr Paul Meier, Director of the',
      reporters: ['Lena Fischer'], truncated: true, paragraphs: 2,
    },
  ];
  for (const layout of layouts) {
    it(`segments a page: ${layout.name}`, () => {
      const result = segmentReport(layout.text);
      expect(result.sections.map((s) => s.reporter?.text)).to.deep.equal(layout.reporters);
      expect(result.sections.flatMap((s) => s.paragraphs)).to.have.length(layout.paragraphs);
      expect(result.truncated).to.equal(layout.truncated);
      expectExactSpans(layout.text, result);
    });
  }

  it('segments the bundled report with exact offsets and no footer', async () => {
    const text = await readFile(join(PROJECT_ROOT, 'data/reports/geneva-peace-week-2017.txt'), 'utf8');
    const result = segmentReport(text);
    expect(result.header.dates?.startDate).to.equal('2017-11-06');
    expect(result.header.dates?.endDate).to.equal('2017-11-10');
    expect(result.sections.length).to.be.greaterThan(3);
    expect(result.sections.every((s) => s.reporter !== undefined)).to.equal(true);
    expectExactSpans(text, result);
  });
});
