/**
 * How people are introduced in running prose, one row per way, in sentences written for this test:
 * the name found, what stands before it and the description that follows it.
 */
import { expect } from 'chai';
import { findMentions } from '../../src/extract/mentions.js';

interface Row {
  readonly text: string;
  /** name -> [honorific, title before, organisation before, description, organisation around] ('' = none). */
  readonly people: Readonly<Record<string, readonly [string, string, string, string, string]>>;
}

const rows: Array<[string, Row]> = [
  ['honorific and a description in parentheses', {
    text: 'Ms Ada Quist (Head of Research, Lumen Institute) opened the panel.',
    people: { 'Ada Quist': ['Ms', '', '', 'Head of Research, Lumen Institute', ''] },
  }],
  ['H.E. before another honorific, with dots', {
    text: 'The welcome came from H.E. Dr. Omar bin Said Al-Rami, Minister of Ports.',
    people: { 'Omar bin Said Al-Rami': ['H.E. Dr.', '', '', 'Minister of Ports', ''] },
  }],
  ['a period after an honorific ends no sentence', {
    text: 'It was chaired by Prof. Lina Moreau, Dean of the Law School at Delta University, who spoke first.',
    people: { 'Lina Moreau': ['Prof.', '', '', 'Dean of the Law School at Delta University', ''] },
  }],
  ['a chain of plain names with lower-case titles', {
    text: 'The panel included Tomas Berg, senior adviser at the Harbour Foundation, Mira Osei, Mayor of Tamale, and Ivo Petrak, head of policy at Nordwind Labs.',
    people: {
      'Tomas Berg': ['', '', '', 'senior adviser at the Harbour Foundation', ''],
      'Mira Osei': ['', '', '', 'Mayor of Tamale', ''],
      'Ivo Petrak': ['', '', '', 'head of policy at Nordwind Labs', ''],
    },
  }],
  ['organisation and title before the name', {
    text: 'A message from the Ocean Data Council (ODC) Deputy Secretary-General Ms Rina Holt closed the day.',
    people: { 'Rina Holt': ['Ms', 'Deputy Secretary-General', 'Ocean Data Council (ODC)', '', ''] },
  }],
  ['a possessive organisation before a title and a name', {
    text: 'Later, Brightline’s Chief Executive Paulo Neves presented the tool.',
    people: { 'Paulo Neves': ['', 'Chief Executive', 'Brightline', '', ''] },
  }],
  ['a title and a comma before the name', {
    text: 'The forum was opened by the Mayor of Sion, Elsa Rey, who welcomed the guests.',
    people: { 'Elsa Rey': ['', 'Mayor of Sion', '', '', ''] },
  }],
  ['a nationality before a title-like honorific', {
    text: 'Among them was Norwegian Ambassador Kari Lunde, who spoke on data.',
    people: { 'Kari Lunde': ['Ambassador', 'Norwegian Ambassador', '', '', ''] },
  }],
  ['an organisation around the name without a title', {
    text: 'Speaking for the Coastal Rescue Network, Amir Haddad argued for shared drills. Joel Marsh, who represented the Ministry of Fisheries of Ghana, agreed.',
    people: {
      'Amir Haddad': ['', '', '', '', 'Coastal Rescue Network'],
      'Joel Marsh': ['', '', '', '', 'Ministry of Fisheries of Ghana'],
    },
  }],
  ['nobody: a capitalised phrase with no cue, and a name with nothing said of it', {
    text: 'The Open Data Charter was discussed. Later Tessa Blom asked a question, and the Harbour Foundation replied.',
    people: {},
  }],
  ['a name never runs across a blank line; a caption credit is no name part', {
    text: 'Delegates in the hall. Photo: Agency\n\nRuth Ansah, legal adviser at the Port Authority, spoke.',
    people: { 'Ruth Ansah': ['', '', '', 'legal adviser at the Port Authority', ''] },
  }],
];

describe('extract/mentions findMentions', () => {
  for (const [title, row] of rows) {
    it(title, () => {
      const found = findMentions(row.text, 0, row.text.length);
      const actual = Object.fromEntries(found.map((mention) => [mention.name.text, [
        mention.honorific ?? '', mention.before?.title ?? '', mention.before?.organisation?.text ?? '',
        mention.description?.text ?? '', mention.organisation?.text ?? '',
      ]]));
      expect(actual).to.deep.equal(row.people);
      for (const mention of found) {
        expect(row.text.slice(mention.name.start, mention.name.start + mention.name.text.length)).to.equal(mention.name.text);
        if (mention.description) expect(row.text.slice(mention.description.start, mention.description.start + mention.description.text.length)).to.equal(mention.description.text);
      }
    });
  }
});
