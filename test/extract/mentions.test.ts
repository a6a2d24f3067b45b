/**
 * How people are introduced in running prose, one row per way, in sentences written for this test:
 * the name found, what stands before it and the description that follows it.
 */
import { expect } from 'chai';
import { descriptionAfter, findMentions } from '../../src/extract/mentions.js';

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

describe('extract/mentions: only within [from, to)', () => {
  const text = 'Ms Ada Quist (Head of Research, Lumen Institute) opened. Dr Omar Rami, Minister of Ports, closed.';
  const names = (from: number, to: number) => findMentions(text, from, to).map((mention) => mention.name.text);
  const second = text.indexOf('Dr Omar');
  it('the whole text', () => expect(names(0, text.length)).to.deep.equal(['Ada Quist', 'Omar Rami']));
  it('from the second sentence', () => expect(names(second, text.length)).to.deep.equal(['Omar Rami']));
  it('up to the second sentence', () => expect(names(0, second)).to.deep.equal(['Ada Quist']));
});

describe('extract/mentions descriptionAfter', () => {
  /** [text after a name, limit (undefined: the end), the description found or undefined]. */
  const rows: Array<[string, number | undefined, string | undefined]> = [
    [' (Head of Research, Lumen Institute) opened the day.', undefined, 'Head of Research, Lumen Institute'],
    [', senior adviser at the Harbour Foundation, said that data matters.', undefined, 'senior adviser at the Harbour Foundation'],
    [' of the Harbour Foundation spoke.', undefined, 'the Harbour Foundation'],
    [', Mayor of Tamale. The next speaker', undefined, 'Mayor of Tamale'],
    [' opened the day.', undefined, undefined],
    // The limit is where the next person's introduction starts.
    [', Mayor of Tamale, Ivo Petrak, head of policy at Nordwind Labs, spoke.', 18, 'Mayor of Tamale'],
  ];
  for (const [rest, limit, expected] of rows) {
    it(JSON.stringify(rest.slice(0, 40)), () => {
      const text = `Ada Quist${rest}`;
      const found = descriptionAfter(text, 9, limit === undefined ? text.length : 9 + limit);
      expect(found?.text).to.equal(expected);
      if (found) expect(text.slice(found.start, found.start + found.text.length)).to.equal(found.text);
    });
  }
});
