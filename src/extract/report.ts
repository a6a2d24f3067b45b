/**
 * Extraction of one report: segment it, then find the event, its sessions, the people with their
 * roles, titles and organisations, the themes and initiatives, each with the span it came from.
 */
import type {
  EventModel, Initiative, Mention, Participation, Place, ReportModel, RoleName, SectionReport, Session, SourceDocument, ThemeLink,
} from '../model/types.js';
import { slugify } from '../rdf/iri.js';
import { segmentReport, type Section, type SegmentedReport } from '../segment/report.js';
import { firstSentence } from '../segment/paragraphs.js';
import type { Knowledge } from './knowledge.js';
import { OrganisationRegistry } from './organisations.js';
import { PeopleRegistry } from './people.js';
import { findMentions, type PersonMention } from './mentions.js';
import { organisationMention, parseDescriptionOnce, type Description, type OrganisationMention } from './descriptions.js';
import { matchThemes } from './themes.js';
import { findInitiatives, type InitiativeHit } from './initiatives.js';
import { evidenceOf, overlapTest, spanEnd, splitSpan, type TextSpan } from './text-span.js';
import { wordPattern } from './patterns.js';
import { matchesOf } from '../text/scan.js';
import { isAllCaps, properCase } from './name-case.js';
import { BACK_REFERENCE_TARGET, GENERIC_ORGANISATION, isCountry, MODERATOR_CUES } from './words.js';

/** A session title the text gives: the session on ‘...’, "..." session. */
const QUOTED_TITLE = /\b(?:session|panel|roundtable|workshop|discussion|launch|lecture)\s+(?:on|entitled|titled|called)\s+[‘“"]([^’”"\n]{5,150})[’”"]/i;
/** What a session was about, in its first sentence: "This session addressed the role of AI in ...". */
const TOPIC = /\b(?:session|discussion|roundtable|panel|workshop|launch|lecture)\s+(?:addressed|discussed|explored|examined|focused on|tackled|looked at|was about|considered|dealt with)\s+(.{10,120}?)(?:,| and considered| and discussed|\.|$)/i;
const ORGANISERS = /\b(?:facilitated|organi[sz]ed|co-organi[sz]ed|hosted|convened|sponsored) by (.+?)(?:\.(?:\s|$)|$)/;
const THEME_LINE = /focus on the theme of\s+['‘"“](.+?)['’"”]/;
/** At most twelve words before "(ACR)": an unbounded run would make long capitalised texts quadratic. */
const ORGANISATION_PAIR = /(?<![\p{L}])(\p{Lu}[\p{L}’'&-]*(?:\s+(?:\p{Lu}[\p{L}’'&-]*|of|for|and|the|on|by|in|at|de|du|des)){0,11})\s+\(([\p{Lu}][\p{L}&. ]{1,14})\)/gu;

interface Context {
  readonly source: SourceDocument;
  readonly text: string;
  readonly knowledge: Knowledge;
  readonly organisations: OrganisationRegistry;
  readonly people: PeopleRegistry;
  readonly warnings: string[];
  /** Descriptions parsed so far in this report, by text. */
  readonly descriptions: Map<string, Description>;
}

function evidence(context: Context, span: TextSpan) {
  return evidenceOf(context.source.id, context.text, span);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function resolveOrganisation(context: Context, mention: OrganisationMention): string {
  return context.organisations.resolve(mention.name, mention.acronym, evidence(context, mention.span));
}

/** On a page cut off mid-sentence, the description running into the cut may be incomplete: drop its last part. */
function certainPart(mention: PersonMention, pageEnd: number | undefined): PersonMention | undefined {
  // A list line ends where its line does: nothing of it is cut off.
  if (pageEnd === undefined || spanEnd(mention.whole) < pageEnd || mention.listed === true) return mention;
  if (mention.description === undefined) return undefined;
  const parts = splitSpan(mention.description, /,\s+/);
  if (parts.length < 2) return { ...mention, description: undefined };
  const last = parts[parts.length - 1]!;
  return { ...mention, description: { text: mention.description.text.slice(0, last.start - mention.description.start).replace(/[\s,]+$/, ''), start: mention.description.start } };
}

/** "the Foundation", "its", "our": the organisation the page named last before `position` whose name ends so. */
function backReference(context: Context, word: string | undefined, position: number): OrganisationMention | undefined {
  const window = context.text.slice(Math.max(0, position - 3000), position);
  const named = [...window.matchAll(BACK_REFERENCE_TARGET)]
    .filter((match) => word === undefined || match[1]!.endsWith(word))
    .at(-1);
  if (named === undefined) return undefined;
  const start = position - window.length + named.index! + named[0].indexOf(named[1]!);
  return { name: named[1]!, span: { text: named[1]!, start } };
}

/** A description's organisation written as a back-reference ("Senior Advisor at the Foundation"). */
function resolveReferences(context: Context, description: Description, position: number): Description {
  return {
    ...description,
    affiliations: description.affiliations.flatMap((affiliation) => {
      const generic = affiliation.organisation.acronym === undefined ? GENERIC_ORGANISATION.exec(affiliation.organisation.name ?? '') : null;
      if (generic === null) return [affiliation];
      const target = backReference(context, generic[1], position);
      return target === undefined ? [] : [{ ...affiliation, organisation: { ...target, span: affiliation.organisation.span } }];
    }),
  };
}

/** Registers a person introduced with a title, an organisation or an honorific; returns the key. */
function addPerson(context: Context, mention: PersonMention): string {
  // "Ambassador Aasland Brekke" after "Ambassador Henrik Aasland Brekke": the same person, named shorter.
  const described = mention.description !== undefined || mention.before !== undefined || mention.organisation !== undefined;
  const known = described ? undefined : context.people.shortForms().get(mention.name.text);
  if (known !== undefined) {
    context.people.mention(known, evidence(context, mention.name));
    return known;
  }
  // Programmes print names in capitals: the person is named in proper case ("Lena von Hohenberg-Strauss").
  const written = mention.name.text;
  const name = written.split(/\s+/).every(isAllCaps) ? properCase(written) : written;
  const key = context.people.add(name, evidence(context, mention.name), mention.honorific);
  const whole = evidence(context, mention.whole);
  const { before } = mention;
  if (before !== undefined) {
    if (before.title !== undefined) context.people.addTitle(key, before.title);
    const stated = before.backReference === true
      ? backReference(context, undefined, mention.whole.start)
      : before.organisation !== undefined ? organisationMention(before.organisation) : undefined;
    if (stated !== undefined && !isCountry(stated.name ?? stated.acronym ?? '')) {
      const organisationKey = resolveOrganisation(context, stated);
      context.people.addAffiliation(key, { organisationKey, jobTitle: before.title, evidence: whole });
    }
  }
  if (mention.organisation !== undefined && !isCountry(mention.organisation.text)) {
    context.people.addAffiliation(key, { organisationKey: resolveOrganisation(context, organisationMention(mention.organisation)), evidence: whole });
  }
  if (mention.description) {
    const parsed = parseDescriptionOnce(mention.description, { isKnown: (name) => context.organisations.isKnown(name) }, context.descriptions);
    const description = resolveReferences(context, parsed, mention.whole.start);
    for (const title of description.titles) context.people.addTitle(key, title);
    for (const affiliation of description.affiliations) {
      if (isCountry(affiliation.organisation.name ?? affiliation.organisation.acronym ?? '')) continue;
      const organisationKey = resolveOrganisation(context, affiliation.organisation);
      if (affiliation.parent) context.organisations.setParent(organisationKey, resolveOrganisation(context, affiliation.parent));
      context.people.addAffiliation(key, { organisationKey, jobTitle: affiliation.title, evidence: whole });
    }
  }
  return key;
}

/** How far back a moderator cue may stand: a sentence, not the page (a search to the page start would be quadratic). */
const MAX_CUE_DISTANCE = 300;

function isModerator(text: string, mention: PersonMention, sectionStart: number): boolean {
  const window = text.slice(Math.max(sectionStart, mention.whole.start - MAX_CUE_DISTANCE), mention.whole.start);
  const before = window.slice(Math.max(window.lastIndexOf('. ') + 2, window.lastIndexOf('\n') + 1, 0));
  const after = text.slice(spanEnd(mention.whole), spanEnd(mention.whole) + 160);
  return MODERATOR_CUES.before.some((cue) => cue.test(before))
    || MODERATOR_CUES.after.some((cue) => cue.test(after))
    || /\bmoderator\b/i.test(mention.description?.text ?? '');
}


function shortFormMentions(context: Context, from: number, to: number, exclude: readonly TextSpan[]): Mention[] {
  const found: Mention[] = [];
  const covered = overlapTest(exclude);
  for (const [form, key] of context.people.shortForms()) {
    const regex = wordPattern(form, { notAround: '\\p{L}-' });
    for (const hit of matchesOf(regex, context.text, from, to)) {
      if (covered(hit.index, hit.index + hit[0].length)) continue;
      const mention = { key, evidence: evidence(context, { text: hit[0], start: hit.index }) };
      context.people.mention(key, mention.evidence);
      found.push(mention);
    }
  }
  return found.sort((a, b) => a.evidence.start - b.evidence.start);
}

/** "Made by Women (MbW)" and known acronyms or names in running text, outside people's introductions. */
function organisationMentions(context: Context, from: number, to: number, exclude: readonly TextSpan[]): Mention[] {
  const covered = overlapTest(exclude);
  const found = new Map<string, Mention>();
  const add = (key: string, span: TextSpan) => {
    const mention = { key, evidence: evidence(context, span) };
    if (!found.has(key)) found.set(key, mention);
  };
  for (const hit of matchesOf(ORGANISATION_PAIR, context.text, from, to)) {
    if (covered(hit.index, hit.index + hit[0].length)) continue;
    const acronym = hit[2]!.trim();
    if ((acronym.match(/\p{Lu}/gu)?.length ?? 0) < 2) continue;
    const name = hit[1]!.replace(/^(?:(?:The|By|In|At|Of|For|And|On)\s+)+/, '');
    add(context.organisations.resolve(name, acronym, evidence(context, { text: hit[0], start: hit.index })), { text: hit[0], start: hit.index });
  }
  const names = new Map<string, string | undefined>();
  for (const [acronym] of context.organisations.acronyms()) names.set(acronym, acronym);
  for (const organisation of context.knowledge.organisations) {
    for (const name of [organisation.name, ...organisation.aliases]) if (name.length >= 6) names.set(name, undefined);
  }
  const section = context.text.slice(from, to);
  for (const [label, acronym] of names) {
    // Most labels do not occur at all: a plain search rules them out before any pattern runs.
    if (!section.includes(label)) continue;
    const regex = wordPattern(label, { notAround: '\\p{L}\\d-' });
    for (const hit of matchesOf(regex, context.text, from, to)) {
      if (covered(hit.index, hit.index + hit[0].length)) continue;
      const span = { text: hit[0], start: hit.index };
      add(context.organisations.resolve(acronym === undefined ? label : undefined, acronym, evidence(context, span)), span);
    }
  }
  return [...found.values()].sort((a, b) => a.evidence.start - b.evidence.start);
}

function themeLinks(context: Context, from: number, to: number): ThemeLink[] {
  return matchThemes(context.text, from, to, context.knowledge.themes)
    .map((match) => ({ conceptIri: match.iri, evidence: evidence(context, match.first) }))
    .sort((a, b) => (a.conceptIri < b.conceptIri ? -1 : 1));
}

function sessionName(context: Context, section: Section, eventName: string, position: number): { name: string; nameEvidence?: ReturnType<typeof evidence> } {
  const opening = section.paragraphs[0]!;
  const quoted = QUOTED_TITLE.exec(opening.text);
  if (quoted) {
    const start = opening.start + quoted.index + quoted[0].indexOf(quoted[1]!);
    return { name: quoted[1]!, nameEvidence: evidence(context, { text: quoted[1]!, start }) };
  }
  const topic = TOPIC.exec(firstSentence(opening.text));
  if (topic) return { name: capitalise(topic[1]!.trim()) };
  const themes = matchThemes(context.text, section.start, section.end, context.knowledge.themes)
    .filter((match) => !['digital policy', 'peacebuilding'].includes(match.label))
    .slice(0, 3)
    .map((match) => match.label);
  return { name: themes.length > 0 ? `${eventName}, session ${position}: ${themes.join(', ')}` : `${eventName}, session ${position}` };
}

function extractPlace(context: Context, segmented: SegmentedReport): Place | undefined {
  const { place, venue, street } = segmented.header;
  if (place === undefined) return undefined;
  const [city, country] = place.text.split(/\s*,\s*/);
  const key = slugify(place.text);
  return {
    key, name: place.text, city, country, venue: venue?.text, streetAddress: street?.text,
    sameAs: context.knowledge.placeSameAs.get(key) ?? [], evidence: evidence(context, place),
  };
}

function extractOrganisers(context: Context, segmented: SegmentedReport): Mention[] {
  const organisers: Mention[] = [];
  for (const paragraph of segmented.closing) {
    const match = ORGANISERS.exec(paragraph.text);
    if (!match) continue;
    const list = { text: match[1]!, start: paragraph.start + match.index + match[0].indexOf(match[1]!) };
    // "A, B, and the C, in collaboration with D": a bare "and" splits only before "the" (names hold "and").
    for (const item of splitSpan(list, /,?\s*in collaboration(?: with)?\s+|,\s*(?:and\s+)?|\s+and\s+(?=the\s)/)) {
      const trimmed = /^(?:the\s+)?(.*?)\s*$/s.exec(item.text)!;
      const span = { text: trimmed[1]!, start: item.start + item.text.indexOf(trimmed[1]!) };
      if (!/^\p{Lu}/u.test(span.text)) continue;
      const pair = /^(.*?)\s*\(([^()]+)\)$/.exec(span.text);
      const key = context.organisations.resolve(pair ? pair[1] : span.text, pair ? pair[2] : undefined, evidence(context, span));
      organisers.push({ key, evidence: evidence(context, span) });
    }
  }
  return organisers;
}

export function extractReport(source: SourceDocument, knowledge: Knowledge): ReportModel {
  const text = source.text;
  const segmented = segmentReport(text);
  const context: Context = {
    source, text, knowledge, organisations: new OrganisationRegistry(knowledge), people: new PeopleRegistry(knowledge.identity, source.id), warnings: [], descriptions: new Map(),
  };
  const header = segmented.header;
  const eventName = header.title?.text ?? source.id.replace(/-/g, ' ');
  const eventKey = slugify(eventName);
  const pageEnd = segmented.truncated ? segmented.sections.at(-1)?.end : undefined;

  // First pass: everyone introduced with an honorific or a title, so later short mentions resolve.
  const sectionMentions = segmented.sections.map((section) => {
    const bodyStart = section.paragraphs[0]!.start;
    return findMentions(text, bodyStart, section.end).flatMap((found) => {
      const kept = certainPart(found, pageEnd);
      if (kept !== found) context.warnings.push(kept === undefined
        ? `page cut off: dropped the incomplete mention "${found.whole.text}"`
        : `page cut off: kept only the certain part of "${found.whole.text}"`);
      return kept === undefined ? [] : [{ mention: kept, key: addPerson(context, kept) }];
    });
  });

  const sessions: Session[] = [];
  const sections: SectionReport[] = [];
  const eventPersonMentions: Mention[] = [];
  const initiatives = new Map<string, { name: string; evidence: ReturnType<typeof evidence>[] }>();
  const excludedNames = new Set([...(segmented.closing.map((paragraph) => THEME_LINE.exec(paragraph.text)?.[1]?.toLowerCase() ?? ''))]);

  segmented.sections.forEach((section, index) => {
    const reporterKey = section.reporter ? context.people.add(section.reporter.text, evidence(context, section.reporter)) : undefined;
    const mentions = sectionMentions[index]!;
    const introduced = mentions.map(({ mention }) => mention.whole);
    const bodyStart = section.paragraphs[0]!.start;
    const shortMentions = shortFormMentions(context, bodyStart, section.end, [...introduced, ...(section.reporter ? [section.reporter] : [])]);
    const initiativeHits: InitiativeHit[] = findInitiatives(text, bodyStart, section.end, knowledge.initiatives, excludedNames);
    for (const hit of initiativeHits) {
      const entry = initiatives.get(hit.key) ?? { name: hit.name, evidence: [] };
      entry.evidence.push(evidence(context, hit.span));
      initiatives.set(hit.key, entry);
    }
    const sectionEvidence = evidence(context, { text: text.slice(section.start, section.end), start: section.start });
    // A reporter's section names people in passing unless it introduces them with an honorific;
    // elsewhere everyone introduced takes part.
    const participants = section.reporter === undefined ? mentions : mentions.filter(({ mention }) => mention.honorific !== undefined);
    if (participants.length === 0) {
      // A summary of the whole event: people it names are mentioned by the event, not speakers.
      for (const { mention, key } of mentions) eventPersonMentions.push({ key, evidence: evidence(context, mention.name) });
      eventPersonMentions.push(...shortMentions);
      sections.push({ key: `${source.id}-${index + 1}`, position: index + 1, reporterKey, evidence: sectionEvidence });
      return;
    }
    const position = sessions.length + 1;
    const sessionKey = `${eventKey}-${position}`;
    const participations: Participation[] = [];
    const roleOf = new Map<string, RoleName>();
    for (const { mention, key } of mentions) {
      const role: RoleName = mention.listRole ?? (isModerator(text, mention, bodyStart) ? 'moderator' : 'speaker');
      if (roleOf.get(key) === 'moderator' || roleOf.get(key) === role) continue;
      roleOf.set(key, role);
      participations.push({ personKey: key, role, evidence: evidence(context, mention.whole) });
    }
    // "... Van der Berghe moderated the first plenary": a later mention that chairs the session.
    for (const mention of shortMentions) {
      if (roleOf.get(mention.key) === 'moderator' || !roleOf.has(mention.key)) continue;
      const after = text.slice(mention.evidence.end, mention.evidence.end + MAX_CUE_DISTANCE);
      if (!MODERATOR_CUES.after.some((cue) => cue.test(after))) continue;
      roleOf.set(mention.key, 'moderator');
      participations.push({ personKey: mention.key, role: 'moderator', evidence: mention.evidence });
    }
    // One role per person and session: a moderator who also speaks stays the moderator.
    const deduplicated = participations.filter((participation) => participation.role === roleOf.get(participation.personKey));
    if (reporterKey !== undefined && section.reporter) {
      deduplicated.push({ personKey: reporterKey, role: 'reporter', evidence: evidence(context, section.reporter) });
    }
    const { name, nameEvidence } = sessionName(context, section, eventName, position);
    sessions.push({
      key: sessionKey, position, name, nameEvidence,
      description: firstSentence(section.paragraphs[0]!.text),
      participations: deduplicated,
      personMentions: shortMentions,
      organisationMentions: organisationMentions(context, bodyStart, section.end, introduced),
      initiativeMentions: initiativeHits.map((hit) => ({ key: hit.key, evidence: evidence(context, hit.span) })),
      themes: themeLinks(context, bodyStart, section.end),
      evidence: sectionEvidence,
    });
    sections.push({ key: `${source.id}-${index + 1}`, position: index + 1, reporterKey, sessionKey, evidence: sectionEvidence });
  });

  const themeLine = segmented.closing.map((paragraph) => THEME_LINE.exec(paragraph.text)?.[1]).find((line) => line !== undefined);
  const descriptionParagraphs = segmented.closing.filter((paragraph) => !/^For more information/i.test(paragraph.text));
  const event: EventModel = {
    key: eventKey,
    name: eventName,
    nameEvidence: header.title ? evidence(context, header.title) : undefined,
    startDate: header.dates?.startDate,
    endDate: header.dates?.endDate ?? header.dates?.startDate,
    place: extractPlace(context, segmented),
    description: descriptionParagraphs.length > 0 ? descriptionParagraphs.map((paragraph) => paragraph.text).join(' ') : undefined,
    themeLine,
    organisers: extractOrganisers(context, segmented),
    sessions,
    sections,
    personMentions: eventPersonMentions,
  };
  const initiativeList: Initiative[] = [...initiatives]
    .map(([key, entry]) => ({ key, name: entry.name, evidence: entry.evidence.sort((a, b) => a.start - b.start) }))
    .sort((a, b) => (a.key < b.key ? -1 : 1));
  return {
    source, event, people: context.people.people(), organisations: context.organisations.organisations(),
    initiatives: initiativeList, datePublished: header.published?.date, warnings: context.warnings,
  };
}
