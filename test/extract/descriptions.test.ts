/**
 * What follows a name, parsed into job titles and the organisations they are held at: one row per
 * form, descriptions written for this test, expectations by hand.
 */
import { expect } from 'chai';
import { organisationMention, parseDescription, parseDescriptionOnce, type Description } from '../../src/extract/descriptions.js';

/** description -> [titles, organisations as "name|acronym"] (nothing known in advance). */
const rows: Array<[string, readonly string[], readonly string[]]> = [
  ['Head of Research, Lumen Institute', ['Head of Research'], ['Lumen Institute|']],
  ['senior adviser at the Harbour Foundation', ['senior adviser'], ['Harbour Foundation|']],
  ['Assistant Administrator, Ocean Development Programme [ODP]', ['Assistant Administrator'], ['Ocean Development Programme|ODP']],
  ['Deputy Secretary of the CDB (Coastal Data Board)', ['Deputy Secretary'], ['Coastal Data Board|CDB']],
  ['LDC - Lake Data Centre', [], ['Lake Data Centre|LDC']],
  ['LDC Regional Director for the Pacific', ['Regional Director for the Pacific'], ['|LDC']],
  ['journalist for Harbour Tribune', ['journalist'], ['Harbour Tribune|']],
  ['Senior Legal Adviser in the Office of the Envoy on Data', ['Senior Legal Adviser'], ['Office of the Envoy on Data|']],
  ['Co-Chair of the Data Group, Nordic Alliance and Head of the Tallinn Law Centre, Estonia', ['Co-Chair', 'Head'], ['Data Group|', 'Nordic Alliance|', 'Tallinn Law Centre|']],
  ['Co-founder and Co-director', ['Co-founder and Co-director'], []],
  ['Chief, Rights and Data Section, Office of the Commissioner for Data', ['Chief, Rights and Data Section'], ['Office of the Commissioner for Data|']],
  ['Director, Global Policy, Meridian Labs', ['Director, Global Policy'], ['Meridian Labs|']],
  ['Faculty of Law, University of Sion', ['Faculty of Law'], ['University of Sion|']],
  ['Director of the LDC Office in Geneva', ['Director of the LDC Office in Geneva'], ['|LDC']],
  ['Director-General for Trade, Ministry of Trade, Industry and Energy', ['Director-General for Trade'], ['Ministry of Trade, Industry and Energy|']],
  ['Independent consultant, Kamau & Partners', ['Independent consultant'], ['Kamau & Partners|']],
  ['Senior Lecturer, Lake Academy & Coordinator, Policy Platform', ['Senior Lecturer', 'Coordinator'], ['Lake Academy|', 'Policy Platform|']],
  ['Head, Cyber Policy Unit, Ministry for Foreign Affairs, Sweden', ['Head, Cyber Policy Unit'], ['Ministry for Foreign Affairs|']],
  ['Vice-President for Engagement, Asia Pacific', ['Vice-President for Engagement'], []],
  ['Minister, Civil Society, African Group', ['Minister'], []],
  ['Ambassador and Permanent Representative of Chile to the United Nations Office at Geneva (UNOG)', ['Ambassador and Permanent Representative of Chile to the United Nations Office at Geneva'], []],
  ['director of Safe Harbour Futures and moderator of the event', ['director', 'moderator of the event'], ['Safe Harbour Futures|']],
  ['Head of Digital Policy, Council of the Coast (CoC)', ['Head of Digital Policy'], ['Council of the Coast|CoC']],
  ['Programme Specialist, Communication and Information Sector', ['Programme Specialist, Communication and Information Sector'], []],
];

describe('extract/descriptions parseDescription', () => {
  for (const [text, titles, organisations] of rows) {
    it(text, () => {
      const parsed = parseDescription({ text, start: 10 }, { isKnown: () => false });
      expect([...parsed.titles].sort()).to.deep.equal([...titles].sort());
      expect(parsed.affiliations.map(({ organisation }) => `${organisation.name ?? ''}|${organisation.acronym ?? ''}`)).to.deep.equal(organisations);
      for (const { organisation } of parsed.affiliations) {
        // Every organisation keeps the span of the text it came from.
        expect(text.slice(organisation.span.start - 10, organisation.span.start - 10 + organisation.span.text.length)).to.equal(organisation.span.text);
      }
    });
  }
});

/** An organisation named alone, in its usual forms: text -> "name|acronym|span text" (span starts at 5). */
const mentions: Array<[string, string]> = [
  ['Lumen Institute', 'Lumen Institute||Lumen Institute'],
  ['  Lumen Institute ', 'Lumen Institute||Lumen Institute'],
  ['Coastal Data Board (CDB)', 'Coastal Data Board|CDB|Coastal Data Board (CDB)'],
  ['Ocean Development Programme [ODP]', 'Ocean Development Programme|ODP|Ocean Development Programme [ODP]'],
  ['CDB (Coastal Data Board)', 'Coastal Data Board|CDB|CDB (Coastal Data Board)'],
  ['LDC - Lake Data Centre', 'Lake Data Centre|LDC|LDC - Lake Data Centre'],
  ['LDC – Lake Data Centre', 'Lake Data Centre|LDC|LDC – Lake Data Centre'],
  ['ODP', '|ODP|ODP'],
  ['Ministry of Ports (Freedonia)', 'Ministry of Ports||Ministry of Ports'],
];

describe('extract/descriptions organisationMention', () => {
  for (const [text, expected] of mentions) {
    it(JSON.stringify(text), () => {
      const mention = organisationMention({ text, start: 5 });
      expect(`${mention.name ?? ''}|${mention.acronym ?? ''}|${mention.span.text}`).to.equal(expected);
      expect(text.slice(mention.span.start - 5, mention.span.start - 5 + mention.span.text.length)).to.equal(mention.span.text);
    });
  }
});

describe('extract/descriptions: one organisation part of another', () => {
  /** description -> "organisation > parent" for each affiliation with a parent. */
  const rows: Array<[string, string[]]> = [
    ['Early Warning Specialist at the Crisis Response Unit, Ocean Development Programme (ODP)', ['Crisis Response Unit > Ocean Development Programme']],
    ['Manager of the Coastal Imagery Programme (CIP) at the Lake Institute for Training (LIT)', ['Coastal Imagery Programme > Lake Institute for Training']],
    ['Manager, Lumen Institute', []],
  ];
  for (const [text, expected] of rows) {
    it(text, () => {
      const parsed = parseDescription({ text, start: 0 }, { isKnown: () => false });
      expect(parsed.affiliations.flatMap(({ organisation, parent }) => (parent ? [`${organisation.name} > ${parent.name}`] : []))).to.deep.equal(expected);
    });
  }
});

describe('extract/descriptions parseDescriptionOnce', () => {
  it('parses a repeated description once, with every span moved to where this one stands', () => {
    const text = 'Head of Research, Lumen Institute (LI)';
    const memo = new Map<string, Description>();
    let calls = 0;
    const test = { isKnown: () => { calls += 1; return false; } };
    const first = parseDescriptionOnce({ text, start: 100 }, test, memo);
    const callsForOne = calls;
    const second = parseDescriptionOnce({ text, start: 300 }, test, memo);
    expect(calls, 'the second parse asked nothing').to.equal(callsForOne);
    expect(memo.size).to.equal(1);
    expect(second).to.deep.equal(parseDescription({ text, start: 300 }, { isKnown: () => false }));
    expect(first.affiliations.map(({ organisation }) => organisation.span.start)).to.deep.equal([118]);
    expect(second.affiliations.map(({ organisation }) => organisation.span.start)).to.deep.equal([318]);
  });
});
