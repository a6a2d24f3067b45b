import { expect } from 'chai';
import { eventHtml, escapeHtml, scriptSafeJson } from '../../src/publish/event-html.js';
import { eventJsonLd } from '../../src/publish/event-jsonld.js';
import { renderEventFiles } from '../../src/publish/event-files.js';
import type { ReportModel } from '../../src/model/types.js';
import { FIXTURE_BASE, fixtureModel } from '../write/fixture.js';

const HOSTILE = 'Panel </script><script>alert(1)</script> <!-- & \u2028 "quotes"';

const hostileModel: ReportModel = {
  ...fixtureModel,
  event: {
    ...fixtureModel.event,
    name: HOSTILE,
    sessions: fixtureModel.event.sessions.map((session) => ({ ...session, name: `${session.name} ${HOSTILE}` })),
  },
};

/** The JSON between <script type="application/ld+json"> and the first </script> after it. */
function embeddedJson(html: string): unknown {
  const open = '<script type="application/ld+json">';
  const start = html.indexOf(open) + open.length;
  return JSON.parse(html.slice(start, html.indexOf('</script>', start)));
}

describe('publish/event-html', () => {
  it('embeds the event JSON-LD so that it parses back to the same object', () => {
    const event = eventJsonLd(fixtureModel, { base: FIXTURE_BASE });
    expect(embeddedJson(eventHtml(event))).to.deep.equal(event);
  });

  it('keeps hostile text from closing the script element or injecting markup', () => {
    const event = eventJsonLd(hostileModel);
    const html = eventHtml(event);
    expect(html.match(/<\/script/gi)).to.have.length(1);
    expect(html.match(/<script/gi)).to.have.length(1);
    expect(html).to.not.include('<!--');
    expect(embeddedJson(html)).to.deep.equal(event);
    expect(html).to.include(`<h1>${escapeHtml(HOSTILE)}</h1>`);
  });

  it('summarises the event for people: title, dates, place, organiser, sessions with performers', () => {
    const html = eventHtml(eventJsonLd(fixtureModel));
    expect(html).to.include('<time datetime="2017-11-06">6 Nov 2017</time> to <time datetime="2017-11-10">10 Nov 2017</time>');
    expect(html).to.include('<p class="location">Geneva, Switzerland</p>');
    expect(html).to.include('Organised by United Nations Institute for Training and Research');
    expect(html).to.include('<li>Satellites for peace <span class="performers">(Ada Lovelace, Einar Bjorgo)</span></li>');
    expect(html).to.include('peace &#38; tech &#60;b&#62;in Geneva&#60;/b&#62;');
  });

  /** content="..." of <meta name|property="key">, unescaped by hand (only the escapes escapeHtml makes). */
  const meta = (html: string, key: string): string | undefined => {
    const match = new RegExp(`<meta (?:name|property)="${key}" content="([^"]*)">`).exec(html);
    return match?.[1]?.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
  };

  it('carries title, description, Open Graph and Twitter card tags for search results and link previews', () => {
    const event = eventJsonLd(fixtureModel, { base: FIXTURE_BASE });
    const html = eventHtml(event);
    const expected: Array<[string, string]> = [
      ['description', 'A week on peace & tech <b>in Geneva</b>.'],
      ['og:type', 'website'],
      ['og:title', 'Geneva Peace Week'],
      ['og:description', 'A week on peace & tech <b>in Geneva</b>.'],
      ['og:url', `${FIXTURE_BASE}event/geneva-peace-week-2017`],
      ['twitter:card', 'summary'],
      ['twitter:title', 'Geneva Peace Week'],
      ['twitter:description', 'A week on peace & tech <b>in Geneva</b>.'],
    ];
    for (const [key, content] of expected) expect(meta(html, key), key).to.equal(content);
    expect(html).to.include('<title>Geneva Peace Week</title>');
    expect(meta(html, 'og:image'), 'no invented image').to.equal(undefined);
  });

  it('describes an event without description by its name, dates and place, and cuts long ones at a word', () => {
    const bare = eventHtml(eventJsonLd({ ...fixtureModel, event: { ...fixtureModel.event, description: undefined, themeLine: undefined } }));
    expect(meta(bare, 'description')).to.equal('Geneva Peace Week, 6 Nov 2017 to 10 Nov 2017, Geneva, Switzerland');
    const long = eventHtml(eventJsonLd({ ...fixtureModel, event: { ...fixtureModel.event, description: 'word '.repeat(100) } }));
    const description = meta(long, 'description')!;
    expect(description.length).to.be.at.most(160);
    expect(description).to.match(/^(word )+word…$/);
  });

  it('keeps hostile text inside the meta attributes', () => {
    const html = eventHtml(eventJsonLd(hostileModel));
    expect(meta(html, 'og:title')).to.equal(HOSTILE);
    expect(html.match(/<meta /g)).to.have.length(10);
  });

  const timed: Array<[string, string, string, string]> = [
    ['a time with an offset', '2023-10-08T11:00:00+02:00', '2023-10-08T12:00:00+02:00', '<time datetime="2023-10-08T11:00:00+02:00">8 Oct 2023, 11:00 (UTC+02:00)</time> to <time datetime="2023-10-08T12:00:00+02:00">8 Oct 2023, 12:00 (UTC+02:00)</time>'],
    ['a time in UTC', '2024-12-17T10:15:00Z', '2024-12-17T11:45:00Z', '<time datetime="2024-12-17T10:15:00Z">17 Dec 2024, 10:15 (UTC)</time> to <time datetime="2024-12-17T11:45:00Z">17 Dec 2024, 11:45 (UTC)</time>'],
    ['a local time without zone', '2022-04-27T10:00:00', '2022-04-27T10:00:00', '<time datetime="2022-04-27T10:00:00">27 Apr 2022, 10:00</time></p>'],
  ];
  for (const [title, startDate, endDate, expected] of timed) {
    it(`shows ${title} as a dateTime in <time>`, () => {
      const model: ReportModel = { ...fixtureModel, event: { ...fixtureModel.event, startDate, endDate } };
      const event = eventJsonLd(model);
      expect([event.startDate, event.endDate]).to.deep.equal([startDate, endDate]);
      expect(eventHtml(event)).to.include(expected);
    });
  }

  const escapes: Array<[string, string, string]> = [
    ['a closing script tag', '</script>', '\\u003c/script\\u003e'],
    ['an ampersand', 'a & b', 'a \\u0026 b'],
    ['a line separator', '\u2028', '\\u2028'],
  ];
  for (const [title, input, expected] of escapes) {
    it(`escapes ${title} in script JSON`, () => expect(scriptSafeJson(input)).to.equal(`"${expected}"`));
  }

  it('writes one .jsonld and one .html per event', () => {
    const files = renderEventFiles([fixtureModel], FIXTURE_BASE);
    expect([...files.keys()]).to.deep.equal(['event-geneva-peace-week-2017.jsonld', 'event-geneva-peace-week-2017.html']);
    expect(JSON.parse(files.get('event-geneva-peace-week-2017.jsonld')!)).to.deep.equal(eventJsonLd(fixtureModel, { base: FIXTURE_BASE }));
  });
});
