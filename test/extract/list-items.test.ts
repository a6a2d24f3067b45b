/**
 * People named in lists, one layout per row, in lines written for this test: the name, honorific,
 * description, organisation before the name and role each line gives.
 */
import { expect } from 'chai';
import { findListItems } from '../../src/extract/list-items.js';

type Expected = Readonly<Record<string, readonly [honorific: string, description: string, organisation: string, role: string]>>;

const rows: Array<[string, string, Expected]> = [
  ['bullets under a label, surname-first entries in the order the page also writes', [
    'Speakers:', '  • Berg Anna, Civil Society, African Group', '  • Tomas Ruiz, Government, Latin American and Caribbean Group (GRULAC)',
    'Moderators:', '  • Lund Eva, Technical Community, Western European and Others Group (WEOG)', '', 'Anna Berg opened. Eva Lund closed.',
  ].join('\n'), {
    'Anna Berg': ['', '', '', 'speaker'], 'Tomas Ruiz': ['', '', '', 'speaker'], 'Eva Lund': ['', '', '', 'moderator'],
  }],
  ['numbered agenda lines with a country or an organisation before a dash', [
    '  1. Chairman of the Forum',
    '  2. Norway – H.E. Mr. Olav Dahl, Minister, Ministry of Digitalisation (MoD)',
    '  3. Harbour Network – Ms. Ana Reis, Executive Director (Portugal)',
  ].join('\n'), {
    'Olav Dahl': ['H.E. Mr.', 'Minister, Ministry of Digitalisation (MoD)', '', ''],
    'Ana Reis': ['Ms.', 'Executive Director (Portugal)', 'Harbour Network', ''],
  }],
  ['programme lines: times, names in capitals, moderation', [
    '18.15 INGRID VON STEIN, Professor, University of Basel', 'A talk title on its own line',
    '19.30 KIM SO-YEON, Head of Programmes, Lake Institute (moderation)',
  ].join('\n'), {
    'INGRID VON STEIN': ['', 'Professor, University of Basel', '', ''],
    'KIM SO-YEON': ['', 'Head of Programmes, Lake Institute', '', 'moderator'],
  }],
  ['a labelled line and lines under a label without bullets; the list ends at the first other line', [
    'Participants', 'Rosa Lind, Director, Policy Lab', 'Karl Moen, Adviser, Ministry of Justice, Sweden',
    'Chair: Mia Holm, Senior Fellow, Coast Institute', 'The meeting ends with a reception for Ola Berg, Head, Lab.',
  ].join('\n'), {
    'Rosa Lind': ['', 'Director, Policy Lab', '', 'speaker'], 'Karl Moen': ['', 'Adviser, Ministry of Justice, Sweden', '', 'speaker'],
    'Mia Holm': ['', 'Senior Fellow, Coast Institute', '', 'moderator'],
  }],
  ['a line of bare names under a label', ['Name of Speaker(s)', '', 'Rosa Lind, Karl Moen and Mia Holm'].join('\n'), {
    'Rosa Lind': ['', '', '', 'speaker'], 'Karl Moen': ['', '', '', 'speaker'], 'Mia Holm': ['', '', '', 'speaker'],
  }],
  ['a description in parentheses (a line that is no label gives no role)', ['Speakers included:', '  • Dr Ada Quist (Co-Chair of the Data Group, Nordic Alliance)'].join('\n'), {
    'Ada Quist': ['Dr', 'Co-Chair of the Data Group, Nordic Alliance', '', ''],
  }],
  ['no list: prose lines and labels without names', ['Theme: Data and trust', 'Speakers will be announced.', '  • Coffee break'].join('\n'), {}],
];

describe('extract/list-items findListItems', () => {
  for (const [title, text, expected] of rows) {
    it(title, () => {
      const found = findListItems(text, 0, text.length);
      const actual = Object.fromEntries(found.map((item) => [item.name.text, [
        item.honorific ?? '', item.description?.text ?? '', item.organisation?.text ?? '', item.listRole ?? '',
      ]]));
      expect(actual).to.deep.equal(expected);
      for (const item of found) {
        expect(text.slice(item.name.start, item.name.start + item.name.text.length)).to.equal(item.name.text);
        expect(item.listed).to.equal(true);
      }
    });
  }
});
