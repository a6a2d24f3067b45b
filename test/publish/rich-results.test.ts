import { expect } from 'chai';
import { richResultGaps, richResultWarning } from '../../src/publish/rich-results.js';
import type { SchemaObject } from '../../src/publish/event-jsonld.js';

const place: SchemaObject = { '@type': 'Place', name: 'Geneva', address: { '@type': 'PostalAddress', addressLocality: 'Geneva', addressCountry: 'CH' } };
const eligible: SchemaObject = { '@type': 'Event', name: 'Geneva Peace Week', startDate: '2017-11-06', location: place };

describe('publish/rich-results', () => {
  // Google's Event rich results: name, startDate (ISO 8601) and a location with an address are required.
  const cases: Array<[string, SchemaObject, string[]]> = [
    ['an event with name, date and addressed place', eligible, []],
    ['a date-time with zone', { ...eligible, startDate: '2017-11-06T15:30:00+01:00', endDate: '2017-11-06T17:00Z' }, []],
    ['no name', { ...eligible, name: ' ' }, ['no event name']],
    ['no start date', { ...eligible, startDate: [] }, ['no start date (the report gives no date)']],
    ['a date in words', { ...eligible, startDate: '6 Nov 2017' }, ['start date "6 Nov 2017" is not ISO 8601']],
    ['an end date in words', { ...eligible, endDate: 'Friday' }, ['end date "Friday" is not ISO 8601']],
    ['no location', { '@type': 'Event', name: 'X', startDate: '2017-11-06' }, ['no location (the report names no place)']],
    ['a place without address', { ...eligible, location: { '@type': 'Place', name: 'Geneva' } }, ['the location has no address']],
    ['an empty address', { ...eligible, location: { ...place, address: { '@type': 'PostalAddress' } } }, ['the location has no address']],
  ];
  for (const [title, event, gaps] of cases) {
    it(`${title}: ${gaps.length === 0 ? 'eligible' : gaps.join('; ')}`, () => expect(richResultGaps(event)).to.deep.equal(gaps));
  }

  it('makes one warning line naming the page, or none', () => {
    expect(richResultWarning('event-x.html', eligible)).to.equal(undefined);
    expect(richResultWarning('event-x.html', { name: 'X' })).to.equal(
      'event-x.html: not eligible for Google Event rich results: no start date (the report gives no date); no location (the report names no place)',
    );
  });
});
