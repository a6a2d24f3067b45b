/**
 * What follows a person's name: "Programme Manager, DiploFoundation", "(Head of Research, IEP)",
 * "Manager of the UN Operational Satellite Applications Programme (UNOSAT) at the United Nations
 * Institute for Training and Research (UNITAR)", "Diplomatic Council Commissioner for UN Affairs",
 * "Ambassador and Permanent Representative of Kenya to the United Nations Office at Geneva (UNOG)".
 * It is parsed into job titles and the organisations they are held at, with their spans.
 */
import { splitSpan, trimSpan, type TextSpan } from './text-span.js';
import { isCountry, ORGANISATION_CUES, STAKEHOLDER_GROUPS, TITLE_HEAD, TITLE_MODIFIERS, TITLE_WORD as TITLE_CUES } from './words.js';

export interface OrganisationMention {
  readonly name?: string;
  readonly acronym?: string;
  readonly span: TextSpan;
}

export interface DescribedAffiliation {
  readonly organisation: OrganisationMention;
  readonly title?: string;
  /** The organisation this one is part of, when the text says so ("UNOSAT at UNITAR"). */
  readonly parent?: OrganisationMention;
}

export interface Description {
  readonly titles: readonly string[];
  readonly affiliations: readonly DescribedAffiliation[];
}

/** Units that are part of the organisation named right after them ("Crisis Response Unit, UNDP"). */
const UNIT_CUES = /\b(?:Unit|Division|Department|Section|Branch|Team|Bureau|Programme|Program|Cluster|Lab|Laboratory|Hub|Directorate|Sector|Faculty)\b/;

export interface OrganisationTest {
  /** Whether the gazetteer or the report already knows this name or acronym. */
  readonly isKnown: (name: string) => boolean;
}

/**
 * "director of Safe Data Futures": in prose, with a lower-case title, two or more capitalised words
 * after "of" name an organisation (not a place: "of Digital Affairs of Poland"); in a capitalised
 * title ("Head of Digital Policy") they name its field.
 */
function isNamedOrganisation(text: string): boolean {
  const words = text.split(/\s+/);
  return words.length >= 2 && words.every((word) => /^\p{Lu}/u.test(word)) && !isCountry(words.at(-1)!) && !isCountry(text);
}

function isTitleHead(word: string): boolean {
  const match = TITLE_CUES.exec(word);
  return match !== null && match[0].length === word.length;
}

function uppercaseShare(word: string): number {
  const letters = word.replace(/[^\p{L}]/gu, '');
  return letters.length === 0 ? 0 : letters.replace(/[^\p{Lu}]/gu, '').length / letters.length;
}

function isAcronym(text: string): boolean {
  return /^[\p{Lu}][\p{L}&.\- ]{0,14}$/u.test(text) && (text.match(/\p{Lu}/gu)?.length ?? 0) >= 2 && uppercaseShare(text.replace(/\s/g, '')) >= 0.5;
}

/**
 * "Name (ACR)", "Name [ACR]", "ACR (Name)" and "ACR - Name" -> name and acronym; "Name (Germany)"
 * -> the name, without the qualifier.
 */
export function organisationMention(span: TextSpan): OrganisationMention {
  const trimmed = trimSpan(span);
  const withTail = /^(.*?)\s*[([]([^()[\]]+)[)\]]$/su.exec(trimmed.text);
  if (withTail) {
    const [, name, inner] = withTail;
    if (isAcronym(inner!.trim())) return { name: name!.trim() || undefined, acronym: inner!.trim(), span: trimmed };
    if (isAcronym(name!.trim()) && !name!.includes(' ') && /^\p{Lu}/u.test(inner!)) return { name: inner!.trim(), acronym: name!.trim(), span: trimmed };
    return { name: name!.trim(), span: { text: name!.trim(), start: trimmed.start } };
  }
  const dashed = /^(\p{Lu}[\p{Lu}\d&]+)\s+[-–]\s+(\p{Lu}.+)$/su.exec(trimmed.text);
  if (dashed) return { name: dashed[2]!, acronym: dashed[1]!, span: trimmed };
  if (isAcronym(trimmed.text) && !trimmed.text.includes(' ')) return { acronym: trimmed.text, span: trimmed };
  return { name: trimmed.text, span: trimmed };
}

/** "Crisis and Conflict Management Programme of the Geneva Centre for Security Policy (GCSP)": the centre. */
function withoutUnit(mention: OrganisationMention): OrganisationMention {
  const unit = mention.acronym !== undefined && mention.name !== undefined ? /^(.+?)\s+of\s+(?:the\s+)?(.+)$/s.exec(mention.name) : null;
  if (!unit || !UNIT_CUES.test(unit[1]!)) return mention;
  const start = mention.span.start + mention.span.text.indexOf(unit[2]!);
  return { name: unit[2]!, acronym: mention.acronym, span: { text: mention.span.text.slice(start - mention.span.start), start } };
}

function looksLikeOrganisation(text: string, test: OrganisationTest, listed: boolean): boolean {
  const mention = organisationMention({ text, start: 0 });
  if (mention.acronym !== undefined) return true;
  const name = mention.name ?? '';
  if (name === '' || !/^\p{Lu}/u.test(name)) return false;
  if (test.isKnown(name)) return true;
  // "Office of the High Commissioner for ...": an organisation, whatever title word it holds.
  if (/^\p{Lu}\p{L}+\s+(?:of|for|on)\s/u.test(name) && ORGANISATION_CUES.test(name.split(/\s+/)[0]!)) return true;
  // "Programme Manager", "Project Coordinator": a title, whatever organisation word it holds.
  if (TITLE_CUES.test(name)) return false;
  if (ORGANISATION_CUES.test(name)) return true;
  // CamelCase names (BuildUp, DiploFoundation) are organisations, not titles.
  if (/^\p{Lu}\p{Ll}+\p{Lu}\p{L}*$/u.test(name)) return true;
  // In a comma list, a capitalised phrase with no title word is the organisation.
  return listed && !TITLE_CUES.test(name) && /^\p{Lu}\p{L}+(?:\s+(?:of|for|and|the|de|du|des|\p{Lu}[\p{L}&-]*))*$/u.test(name);
}

/** Splits "A at B" / "A of B" at the first top-level keyword; undefined if absent. */
function splitAt(span: TextSpan, keyword: 'at' | 'of' | 'for' | 'in' | 'with'): [TextSpan, TextSpan] | undefined {
  const parts = splitSpan(span, new RegExp(`\\s+${keyword}\\s+(?:the\\s+)?`));
  if (parts.length < 2) return undefined;
  const [first, ...rest] = parts;
  const secondStart = rest[0]!.start;
  return [first!, { text: span.text.slice(secondStart - span.start), start: secondStart }];
}

/** One comma-separated segment: a title, an organisation, or both. */
function parseSegment(segment: TextSpan, test: OrganisationTest, listed: boolean, last: boolean): { title?: string; organisations: OrganisationMention[]; parentOfFirst?: boolean } {
  const text = segment.text;
  // "Permanent Representative of Kenya to the United Nations Office at Geneva": one title; the
  // mission is an affiliation only where the text names it.
  if (/\bRepresentative\b.*\bto\s+(?:the\s+)?\p{Lu}/u.test(text)) return { title: text.replace(/\s*\([^()]*\)$/, ''), organisations: [] };
  // "ISOC Regional Bureau Director for the Caribbean": an acronym, then the title held there.
  const acronymFirst = /^(\p{Lu}[\p{Lu}\d&-]+)\s+(.+)$/u.exec(text);
  if (acronymFirst && TITLE_CUES.test(acronymFirst[2]!) && !TITLE_CUES.test(acronymFirst[1]!)) {
    return { title: acronymFirst[2]!, organisations: [{ acronym: acronymFirst[1]!, span: { text: acronymFirst[1]!, start: segment.start } }] };
  }
  const atSplit = splitAt(segment, 'at');
  // "X at Y": an unknown plain Y counts only at the end ("at the Leadership, Crisis and ... Programme" continues).
  if (atSplit && looksLikeOrganisation(atSplit[1].text, test, last)) {
    const [left, right] = atSplit;
    const parent = organisationMention(right);
    const ofSplit = splitAt(left, 'of');
    if (ofSplit && (organisationMention(ofSplit[1]).acronym !== undefined || test.isKnown(organisationMention(ofSplit[1]).name ?? ''))) {
      return { title: ofSplit[0].text.trim(), organisations: [organisationMention(ofSplit[1]), parent], parentOfFirst: true };
    }
    return { title: left.text.trim(), organisations: [parent] };
  }
  if (atSplit) return { title: atSplit[0].text.trim(), organisations: [] };
  // "journalist for X", "Senior Legal Adviser in the Office of X", "Policy Lead with X".
  for (const keyword of ['for', 'in', 'with'] as const) {
    const split = splitAt(segment, keyword);
    if (split && TITLE_CUES.test(split[0].text) && !/^(?:writing|speaking)\b/i.test(split[0].text)
      && ORGANISATION_CUES.test(split[1].text) && looksLikeOrganisation(split[1].text, test, last)) {
      return { title: split[0].text.trim(), organisations: [withoutUnit(organisationMention(split[1]))] };
    }
  }
  // "Co-Lead Nordic Network on Data Justice": a title, then the organisation, with no word between.
  const titleFirst = /^((?:[\p{L}-]+\s+){0,3}?[\p{L}-]+)\s+(\p{Lu}[\p{L}-]*(?:\s+.+)?)$/u.exec(text);
  if (titleFirst && titleFirst[1]!.split(/\s+/).every((word) => isTitleHead(word) || TITLE_MODIFIERS.has(word)) && isTitleHead(titleFirst[1]!.split(/\s+/).at(-1)!)
    && ORGANISATION_CUES.test(titleFirst[2]!) && !TITLE_CUES.test(titleFirst[2]!.split(/\s+/)[0]!)) {
    const start = segment.start + text.lastIndexOf(titleFirst[2]!);
    return { title: titleFirst[1]!, organisations: [organisationMention({ text: titleFirst[2]!, start })] };
  }
  const ofSplit = splitAt(segment, 'of');
  if (ofSplit && TITLE_CUES.test(ofSplit[0].text) && (looksLikeOrganisation(ofSplit[1].text, test, false) || (/^\p{Ll}/u.test(ofSplit[0].text) && isNamedOrganisation(ofSplit[1].text)))) {
    // "Director of the UNDP Office in Geneva", "Chair of the IEEE Morocco Section": the unit stays in the title.
    const office = /^(\p{Lu}[\p{Lu}\d&-]+)\s+(?:[\p{Lu}][\p{L}-]*\s+){0,3}(?:Office|Bureau|Section|Chapter|Branch)\b/u.exec(ofSplit[1].text);
    if (office) return { title: text, organisations: [{ acronym: office[1]!, span: { text: office[1]!, start: ofSplit[1].start } }] };
    return { title: ofSplit[0].text.trim(), organisations: [organisationMention(ofSplit[1])] };
  }
  // "Diplomatic Council Commissioner for UN Affairs": a known organisation, then a title.
  const words = text.split(/\s+/);
  for (let cut = words.length - 1; cut >= 1; cut -= 1) {
    const head = words.slice(0, cut).join(' ');
    const tail = words.slice(cut).join(' ');
    if (test.isKnown(head) && TITLE_CUES.test(words[cut]!)) {
      return { title: tail, organisations: [{ name: head, span: { text: head, start: segment.start } }] };
    }
  }
  if (looksLikeOrganisation(text, test, listed)) return { organisations: [withoutUnit(organisationMention(segment))] };
  return { title: text, organisations: [] };
}

/** " and " or " & " before a second title: "Alliance and Head of the Centre", "X & Co-Lead Y". */
const TWO_ROLES = new RegExp(String.raw`\s+(?:and|&)\s+(?=(?:\S+\s+){0,2}?${TITLE_HEAD})`, 'iu');

/** A role that names where it is held: "Head at X (ACR)", "Nordic-Baltic Digital Alliance". */
const NAMES_PLACE = new RegExp(String.raw`\b(?:at|of)\s+(?:the\s+)?\p{Lu}|\(\p{Lu}{2,}\)|${ORGANISATION_CUES.source}`, 'u');

/** A stakeholder group, a country or a region: says nothing of title or organisation. */
function isEmptySegment(text: string): boolean {
  const bare = text.replace(/\s*\([^()]*\)$/, '').trim();
  return bare === '' || STAKEHOLDER_GROUPS.has(bare.toLowerCase()) || isCountry(bare);
}

/** "Ministry of Trade, Industry and Energy": the comma list of a portfolio belongs to the name. */
function joinPortfolios(whole: TextSpan, segments: readonly TextSpan[]): TextSpan[] {
  const joined: TextSpan[] = [];
  for (const segment of segments) {
    const previous = joined[joined.length - 1];
    if (previous !== undefined && /\b(?:Ministry|Department|Minister|Secretary|Committee|Commission)\b[^,]*\bof\s+\p{Lu}\p{L}+$/u.test(previous.text)
      && /^\p{Lu}\p{L}+(?:\s+\p{Lu}\p{L}+)*,?\s+and\s+\p{Lu}\p{L}+(?:\s+\p{Lu}\p{L}+)*$/u.test(segment.text) && !TITLE_CUES.test(segment.text)) {
      const end = segment.start + segment.text.length;
      joined[joined.length - 1] = { text: whole.text.slice(previous.start - whole.start, end - whole.start), start: previous.start };
      continue;
    }
    joined.push(segment);
  }
  return joined;
}

type ParsedSegment = ReturnType<typeof parseSegment>;

/** A unit named by its kind at the end ("Communication and Information Sector"), not "Department of ...". */
const TRAILING_UNIT = /\b(?:Unit|Division|Section|Branch|Team|Sector|Hub|Cluster)$/;

/** An organisation the text names for sure: an acronym, an organisation word, or one already known. */
function isClearOrganisation(organisation: OrganisationMention, test: OrganisationTest): boolean {
  const name = organisation.name ?? '';
  return organisation.acronym !== undefined || test.isKnown(name) || (ORGANISATION_CUES.test(name) && !UNIT_CUES.test(name));
}

/**
 * "Chief, Technology and Rights Section, Office of ...", "Director, Global Policy, Meridian Labs":
 * a unit or a plain capitalised phrase between a title and a clear organisation belongs to the title.
 */
function continuedTitles(segments: readonly TextSpan[], parsed: readonly ParsedSegment[], test: OrganisationTest): ParsedSegment[] {
  const result = [...parsed];
  // "Faculty of Law, University of Ghana": a leading unit of the organisation that follows is where the person works in it.
  const first = result[0]?.organisations[0];
  if (result.length > 1 && first !== undefined && result[0]!.title === undefined && first.acronym === undefined
    && UNIT_CUES.test(first.name ?? '') && result[1]!.organisations.some((organisation) => isClearOrganisation(organisation, test))) {
    result[0] = { title: segments[0]!.text, organisations: [] };
  }
  for (let index = 1; index < result.length; index += 1) {
    const current = result[index]!;
    const previous = result[index - 1]!;
    const organisation = current.organisations[0];
    if (current.title !== undefined || organisation === undefined || current.organisations.length > 1 || isClearOrganisation(organisation, test)) continue;
    if (previous.title === undefined || previous.organisations.length > 0) continue;
    // Between a title and a clear organisation, or last ("Programme Specialist, Communication and Information Sector").
    const last = index === result.length - 1 && TRAILING_UNIT.test(organisation.name ?? '') && organisation.acronym === undefined;
    if (!last && !result.slice(index + 1).some((later) => later.organisations.some((candidate) => isClearOrganisation(candidate, test)))) continue;
    result[index - 1] = { ...previous, title: `${previous.title}, ${segments[index]!.text}` };
    result.splice(index, 1);
    segments = [...segments.slice(0, index), ...segments.slice(index + 1)];
    index -= 1;
  }
  return result;
}

export function parseDescription(span: TextSpan, test: OrganisationTest): Description {
  const segments = joinPortfolios(span, splitSpan(span, /,\s+|;\s+|\s+·\s+|\.\s+(?=\p{Lu})|\s+&\s+(?=(?:\p{Lu}\p{L}*\s+){0,2}\p{Lu}\p{L}*,)/u)
    .map(trimSpan)
    .filter((segment) => !isEmptySegment(segment.text)))
    .flatMap((segment) => {
    // "Manager at X and Internet Governance Associate at Y", "X & Co-Lead Y": two roles.
    const parts = splitSpan(segment, TWO_ROLES);
    // "Co-founder and Co-director" is one title; a second role follows a first one that names its place.
    return parts.length === 2 && NAMES_PLACE.test(parts[0]!.text) ? parts.map(trimSpan) : [segment];
  }).filter((segment) => segment.text !== '');

  const titles: string[] = [];
  const affiliations: DescribedAffiliation[] = [];
  let pendingTitle: string | undefined;
  // A comma list, even when only one part is left once countries and groups are set aside ("Org, Bolivia").
  const listed = segments.length > 1 || /,/.test(span.text);
  const parsedSegments = continuedTitles(segments, segments.map((segment, index) =>
    parseSegment(segment, test, index > 0 || listed, index === segments.length - 1)), test);
  parsedSegments.forEach((parsed) => {
    if (parsed.title !== undefined && parsed.title !== '') titles.push(parsed.title);
    const title = parsed.title ?? pendingTitle;
    if (parsed.organisations.length === 0) {
      pendingTitle = parsed.title;
      // A title after the organisation ("UNITAR, Manager, ...") waits for the next one; if none comes, it belongs to the last.
      return;
    }
    const [first, second] = parsed.organisations;
    affiliations.push({ organisation: first!, title, parent: parsed.parentOfFirst ? second : undefined });
    if (second !== undefined) affiliations.push({ organisation: second });
    pendingTitle = undefined;
  });
  if (pendingTitle !== undefined && affiliations.length > 0) {
    const last = affiliations[affiliations.length - 1]!;
    if (last.title === undefined) affiliations[affiliations.length - 1] = { ...last, title: pendingTitle };
  }
  // "Crisis Response Unit, United Nations Development Programme (UNDP)": the unit is part of the next one.
  for (let index = 0; index + 1 < affiliations.length; index += 1) {
    const current = affiliations[index]!;
    const next = affiliations[index + 1]!;
    if (current.parent === undefined && UNIT_CUES.test(current.organisation.name ?? '') && current.organisation.acronym === undefined) {
      affiliations[index] = { ...current, parent: next.organisation };
    }
  }
  return { titles, affiliations };
}

function shifted(mention: OrganisationMention, by: number): OrganisationMention {
  return { ...mention, span: { text: mention.span.text, start: mention.span.start + by } };
}

/**
 * parseDescription, memoised per text in `memo` (one report's): lists repeat the same description
 * on every line. Parsed at offset 0 and moved to `span.start`, so every span stays exact.
 */
export function parseDescriptionOnce(span: TextSpan, test: OrganisationTest, memo: Map<string, Description>): Description {
  let parsed = memo.get(span.text);
  if (parsed === undefined) {
    parsed = parseDescription({ text: span.text, start: 0 }, test);
    memo.set(span.text, parsed);
  }
  return {
    titles: parsed.titles,
    affiliations: parsed.affiliations.map((affiliation) => ({
      ...affiliation,
      organisation: shifted(affiliation.organisation, span.start),
      ...(affiliation.parent === undefined ? {} : { parent: shifted(affiliation.parent, span.start) }),
    })),
  };
}
