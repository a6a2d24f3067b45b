/**
 * Extraction on other layouts of the observatory's pages, as small excerpts written for these
 * tests: single sessions without a header, empty field labels, titles in parentheses, H.E.,
 * Prof., "ORG, TITLE, ORG (ACR)", possessive titles, several sessions, pages cut off.
 */
import { expect } from 'chai';
import { loadKnowledge, type Knowledge } from '../../src/extract/knowledge.js';
import { extractReport } from '../../src/extract/report.js';
import type { ReportModel } from '../../src/model/types.js';
import { PROJECT_ROOT } from '../../src/paths.js';

interface PersonExpectation {
  readonly honorific?: string;
  readonly titles?: readonly string[];
  readonly organisations: readonly string[];
}

interface Case {
  readonly name: string;
  readonly text: string;
  readonly people: Readonly<Record<string, PersonExpectation>>;
  readonly moderators?: readonly string[];
  readonly sessions?: number;
  readonly event?: { readonly name?: string; readonly startDate?: string; readonly endDate?: string; readonly city?: string; readonly street?: string };
  readonly warnings?: RegExp;
}

const cases: Case[] = [
  {
    name: 'single session, no header, H.E., Prof., title in parentheses',
    text: [
      'Lena Fischer', '',
      'The panel, moderated by Prof. Amadou Diallo, Director of the Centre for Peace Studies at the University of Geneva, looked at how open data can support mediation.', '',
      'H.E. Ms Grace Wanjiru, Ambassador and Permanent Representative of Kenya to the United Nations Office at Geneva (UNOG), said that mediators need reliable information before talks begin.', '',
      'Mr Tomás García (Senior Adviser, Global Cyber Stability Forum) explained that data sharing must respect the people it describes. García added that trust takes years to build.', '',
    ].join('\n'),
    people: {
      'amadou-diallo': { honorific: 'Prof.', organisations: ['university-of-geneva'] },
      // The mission is an affiliation only where the text names it (the gold convention of eval).
      'grace-wanjiru': { honorific: 'H.E. Ms', titles: ['Ambassador and Permanent Representative of Kenya to the United Nations Office at Geneva'], organisations: [] },
      'tomas-garcia': { honorific: 'Mr', titles: ['Senior Adviser'], organisations: ['global-cyber-stability-forum'] },
      'lena-fischer': { organisations: [] },
    },
    moderators: ['amadou-diallo'],
    sessions: 1,
  },
  {
    name: 'header with venue and street, empty field labels, "ORG, TITLE, ORG (ACR)" and Ambassador',
    text: [
      'Data for Peace Forum 2019', '', '12 Mar 2019', 'Palais des Nations', 'Avenue de la Paix 8', 'Geneva, Switzerland', '', '', 'Event report/s:',
      'Speakers:', '', 'Moderator:', '',
      'Pieter de Vries', '',
      'Ambassador Ingrid Haugen, Permanent Mission of Norway, opened the session and introduced the speakers.', '',
      'Mr Pavel Novak, UNITAR, Head, Peacekeeping Training Programme (PTP), presented a simulation used to train staff before deployment.', '',
      'Dr Mei Zhang, Senior Researcher at the Graduate Institute, said that models must be checked against local knowledge.', '',
    ].join('\n'),
    people: {
      'ingrid-haugen': { honorific: 'Ambassador', organisations: ['permanent-mission-of-norway'] },
      'pavel-novak': { honorific: 'Mr', titles: ['Head'], organisations: ['unitar', 'peacekeeping-training-programme'] },
      'mei-zhang': { honorific: 'Dr', titles: ['Senior Researcher'], organisations: ['graduate-institute'] },
      'pieter-de-vries': { organisations: [] },
    },
    moderators: ['ingrid-haugen'],
    sessions: 1,
    event: { name: 'Data for Peace Forum 2019', startDate: '2019-03-12', endDate: '2019-03-12', city: 'Geneva', street: 'Avenue de la Paix 8' },
  },
  {
    name: 'several sessions, a possessive title, and the same person in two sessions',
    text: [
      'Cyber Norms Week', '', '3 Oct 2018 to 5 Oct 2018', 'Vienna, Austria', '', 'Event report/s:',
      'Chiara Rossi', '',
      'The session on ‘Norms for a stable cyberspace’ was moderated by Ms Olga Petrova, Head of Digital Policy, Council of Europe (CoE).', '',
      'The session on ‘Norms for a stable cyberspace’ was moderated by Ms Olga Petrova, Head of Digital Policy, Council of Europe (CoE). She recalled that UNICEF’s Executive Director Henrietta Fore had warned about children online.', '',
      'Mr Farid Haddad, Chief Technology Officer at Peace Technology Lab, said that incident reporting works only with trust.', '',
      'Ravi Iyer', '',
      'This workshop addressed capacity building for cybersecurity in small states.', '',
      'Mr Farid Haddad, Chief Technology Officer at Peace Technology Lab, shared lessons from three national programmes. Haddad concluded that training must be continuous.', '',
    ].join('\n'),
    people: {
      'olga-petrova': { honorific: 'Ms', titles: ['Head of Digital Policy'], organisations: ['council-of-europe'] },
      'farid-haddad': { honorific: 'Mr', titles: ['Chief Technology Officer'], organisations: ['peace-technology-lab'] },
      'henrietta-fore': { titles: ['Executive Director'], organisations: ['unicef'] },
      'chiara-rossi': { organisations: [] },
      'ravi-iyer': { organisations: [] },
    },
    moderators: ['olga-petrova'],
    sessions: 2,
    event: { name: 'Cyber Norms Week', startDate: '2018-10-03', endDate: '2018-10-05', city: 'Vienna' },
  },
  {
    name: 'a page cut off in the middle of a speaker introduction',
    text: [
      'Lukas Brunner', '',
      'The session was opened by Ms Sofia Lindqvist, Director, Alliance for Early Warning Systems (AEWS), who stressed the value of local monitors.', '',
      'Mr Kwame Mensah, Programme Officer, Observatory of Conflict Ana',
    ].join('\n'),
    people: {
      'sofia-lindqvist': { honorific: 'Ms', titles: ['Director'], organisations: ['alliance-for-early-warning-systems'] },
      'kwame-mensah': { honorific: 'Mr', titles: ['Programme Officer'], organisations: [] },
      'lukas-brunner': { organisations: [] },
    },
    moderators: ['sofia-lindqvist'],
    sessions: 1,
    warnings: /page cut off/,
  },
  {
    name: 'acronym and title before a name, without honorific',
    text: [
      'Nadia Rahman', '',
      'The discussion was moderated by Ms Claire Dubois, Senior Analyst at the Geneva Centre for Security Policy (GCSP).', '',
      'In a video message, ITU Secretary-General Houlin Zhao recalled the work on cybersecurity. UNHCR High Commissioner Mr Filippo Grandi spoke about refugees online. The UN Security Council was mentioned as well.', '',
    ].join('\n'),
    people: {
      'claire-dubois': { honorific: 'Ms', titles: ['Senior Analyst'], organisations: ['gcsp'] },
      'houlin-zhao': { titles: ['Secretary-General'], organisations: ['itu'] },
      'filippo-grandi': { honorific: 'Mr', titles: ['High Commissioner'], organisations: ['unhcr'] },
      'nadia-rahman': { organisations: [] },
    },
    moderators: ['claire-dubois'],
    sessions: 1,
  },
  {
    name: '"from"/"of" an organisation after the name, but not a country or city',
    text: [
      'Nadia Rahman', '',
      'Ms Jane Holt from the University of Oxford chaired the discussion. She was joined by Dr Maria Rossi of the Office for the Coordination of Humanitarian Affairs (OCHA).', '',
      'Mr Lars Eriksen of Kenya described the national approach, and Ms Eva Lund from DiploFoundation agreed that training is needed.', '',
    ].join('\n'),
    people: {
      'jane-holt': { honorific: 'Ms', titles: [], organisations: ['university-of-oxford'] },
      'maria-rossi': { honorific: 'Dr', titles: [], organisations: ['ocha'] },
      'lars-eriksen': { honorific: 'Mr', titles: [], organisations: [] },
      'eva-lund': { honorific: 'Ms', titles: [], organisations: ['diplofoundation'] },
      'nadia-rahman': { organisations: [] },
    },
    moderators: ['jane-holt'],
    sessions: 1,
  },
];

describe('extract/report on other layouts', () => {
  let knowledge: Knowledge;
  before(async () => { knowledge = await loadKnowledge(PROJECT_ROOT); });
  const extract = (text: string): ReportModel => extractReport({ id: 'excerpt', path: 'excerpt.txt', text, sha256: '' }, knowledge);

  for (const testCase of cases) {
    describe(testCase.name, () => {
      let model: ReportModel;
      before(() => { model = extract(testCase.text); });

      it('finds exactly the people named', () => {
        expect(model.people.map((person) => person.key).sort()).to.deep.equal(Object.keys(testCase.people).sort());
      });
      for (const [key, person] of Object.entries(testCase.people)) {
        it(`${key}: honorific, titles and organisations`, () => {
          const found = model.people.find((candidate) => candidate.key === key)!;
          expect(found.honorific).to.equal(person.honorific);
          if (person.titles) expect(found.jobTitles).to.deep.equal(person.titles);
          expect(found.affiliations.map((affiliation) => affiliation.organisationKey).sort()).to.deep.equal([...person.organisations].sort());
        });
      }
      it('finds the sessions and their moderators', () => {
        expect(model.event.sessions).to.have.length(testCase.sessions ?? 1);
        const moderators = model.event.sessions.flatMap((session) => session.participations.filter((participation) => participation.role === 'moderator').map((participation) => participation.personKey));
        expect([...new Set(moderators)]).to.deep.equal(testCase.moderators ?? []);
      });
      if (testCase.event) {
        it('reads the header', () => {
          const { event } = model;
          const expected = testCase.event!;
          if (expected.name) expect(event.name).to.equal(expected.name);
          if (expected.startDate) expect([event.startDate, event.endDate]).to.deep.equal([expected.startDate, expected.endDate]);
          if (expected.city) expect(event.place?.city).to.equal(expected.city);
          if (expected.street) expect(event.place?.streetAddress).to.equal(expected.street);
        });
      }
      if (testCase.warnings) it('says what it dropped', () => expect(model.warnings.join('\n')).to.match(testCase.warnings!));
    });
  }

  it('takes a quoted session title as the session name, else derives one from the text', () => {
    const model = extract(cases[2]!.text);
    expect(model.event.sessions.map((session) => session.name)).to.deep.equal(['Norms for a stable cyberspace', 'Capacity building for cybersecurity in small states']);
    expect(model.event.sessions[0]!.nameEvidence?.exact).to.equal('Norms for a stable cyberspace');
  });
});
