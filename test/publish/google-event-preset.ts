/**
 * A structured-data-testing-tool preset for Google's Event rich results, kept here because the
 * tool's own Google preset has no Event checks. Required properties fail; recommended ones warn.
 * From Google's Event documentation (developers.google.com/search/docs/appearance/structured-data/event).
 */
export interface SdttTest {
  readonly test: string;
  readonly type?: 'jsonld' | 'metatag' | 'any';
  readonly warning?: boolean;
  readonly description: string;
}

export interface SdttPreset {
  readonly name: string;
  readonly description: string;
  readonly tests: readonly SdttTest[];
}

const required = (test: string, description: string): SdttTest => ({ test: `Event[0].${test}`, type: 'jsonld', description });
const recommended = (test: string, description: string): SdttTest => ({ ...required(test, description), warning: true });

export const GOOGLE_EVENT: SdttPreset = {
  name: 'GoogleEvent',
  description: 'Google Event rich results: required and recommended properties',
  tests: [
    required('name', 'must have a name'),
    required('startDate', 'must have a start date'),
    required('location', 'must have a location'),
    required('location.name', 'the place must have a name'),
    required('location.address', 'the place must have an address'),
    recommended('location.address.addressCountry', 'should give the country (ISO 3166-1 alpha-2)'),
    recommended('location.address.addressLocality', 'should give the locality'),
    recommended('description', 'should have a description'),
    recommended('endDate', 'should have an end date'),
    recommended('eventStatus', 'should have an event status'),
    recommended('eventAttendanceMode', 'should have an attendance mode'),
    recommended('organizer[0].name', 'should name the organiser'),
    recommended('organizer[0].url', 'should give the organiser website'),
    recommended('performer[0].name', 'should name a performer'),
    recommended('image', 'should have an image'),
    recommended('offers', 'should have offers'),
  ],
};
