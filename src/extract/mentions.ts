/**
 * Finds the people introduced in running prose: an honorific and a name ("Mr Einar Bjorgo",
 * "H.E. Ms Amina Mohamed", "Ambassador Stefano Toscano", "Prof. ..."), or an organisation's title
 * before a name ("Microsoft’s President Brad Smith", "ITU Secretary-General Houlin Zhao"), with the description that follows.
 */
import { NAME_PATTERN } from '../segment/names.js';
import { spanEnd, type TextSpan } from './text-span.js';
import { ORGANISATION_CUES } from './organisations.js';

export interface PersonMention {
  readonly honorific?: string;
  readonly name: TextSpan;
  /** The whole introduction: honorific, name and description. */
  readonly whole: TextSpan;
  /** Title and organisation text after the name, if any. */
  readonly description?: TextSpan;
  /** "Microsoft’s President", "ITU Secretary-General": organisation and title stated before the name. */
  readonly possessive?: { readonly organisation: TextSpan; readonly title: string };
}

const HONORIFIC = String.raw`(?:H\.\s?E\.\s+)?(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Ambassador|Judge|Sir|Dame|Rev)\.?`;
const HONORIFIC_MENTION = new RegExp(String.raw`(?<![\p{L}])(${HONORIFIC})\s+(${NAME_PATTERN})`, 'gu');
const POSSESSIVE_TITLE = String.raw`(?:(?:Vice|Deputy|Executive|Chief|Senior|Former|General|High|Special)\s+)*(?:President|Chairman|Chairwoman|Chair|CEO|Chief Executive(?: Officer)?|Director(?:-General| General)?|Secretary[- ]General|Minister|Ambassador|Founder|Co-founder|Head|Spokesperson|Commissioner|Administrator|Envoy|Rapporteur)`;
const POSSESSIVE_MENTION = new RegExp(
  String.raw`(?<![\p{L}])(\p{Lu}[\p{L}&.-]*(?:\s+\p{Lu}[\p{L}&.-]*){0,4})[’']s\s+(${POSSESSIVE_TITLE})\s+(?:(${HONORIFIC})\s+)?(${NAME_PATTERN})`, 'gu');
/** The same with an acronym instead of the possessive: "ITU Secretary-General Houlin Zhao". */
const ACRONYM_TITLE_MENTION = new RegExp(String.raw`(?<![\p{L}])(\p{Lu}{2,}[\p{Lu}\d&-]*)\s+(${POSSESSIVE_TITLE})\s+(?:(${HONORIFIC})\s+)?(${NAME_PATTERN})`, 'gu');

/** Verbs that end a description written without a closing comma ("Chairman at X focused on ..."). */
const CLAUSE_VERB = /\s+(?:focused|focuses|said|says|stated|explained|presented|noted|argued|started|opened|concluded|emphasised|emphasized|added|highlighted|pointed|outlined|remarked|spoke|introduced|was|is|who|which|gave|delivered|welcomed|moderated|chaired|reminded|shared|described|underlined|stressed|suggested|discussed|told|invited|agreed|reflected|demonstrated|recalled|called|shared)\b/;

/** An organisation cue word, an acronym or a CamelCase brand ("DiploFoundation"). */
const LOOKS_LIKE_ORGANISATION = new RegExp(String.raw`${ORGANISATION_CUES.source}|\b\p{Lu}{2,}\b|\p{Ll}\p{Lu}`, 'u');

const MAX_DESCRIPTION = 400;

/** The description after a name: "(...)" or ", ..., ..." up to the clause that follows it. */
function descriptionAfter(text: string, nameEnd: number, limit: number): TextSpan | undefined {
  // Descriptions are a few hundred characters at most; looking further would make long texts quadratic.
  const rest = text.slice(nameEnd, Math.min(limit, nameEnd + MAX_DESCRIPTION));
  if (rest.startsWith(' (')) {
    let depth = 0;
    for (let index = 1; index < rest.length; index += 1) {
      if (rest[index] === '(') depth += 1;
      if (rest[index] === ')' && --depth === 0) return { text: rest.slice(2, index), start: nameEnd + 2 };
    }
    return { text: rest.slice(2), start: nameEnd + 2 };
  }
  // "Ms Jane Holt from the University of Oxford chaired ...": the organisation up to the next clause.
  const preposition = /^ (?:from|of) (?=(?:the )?\p{Lu})/u.exec(rest);
  if (preposition) {
    const phrase = rest.slice(preposition[0].length);
    const stop = /[,;:(]|\.(?=\s|$)|\s+(?:and|who|which)\s/.exec(phrase);
    const verb = CLAUSE_VERB.exec(phrase);
    const length = Math.min(stop ? stop.index : phrase.length, verb ? verb.index : phrase.length);
    const acronym = /^\s*\([\p{Lu}\d&-]{2,}\)/u.exec(phrase.slice(length));
    const text = phrase.slice(0, length + (acronym ? acronym[0].length : 0)).trim();
    // Only an organisation follows here, never a title; "of Kenya", "from Seoul" are not kept.
    return LOOKS_LIKE_ORGANISATION.test(text) ? { text, start: nameEnd + preposition[0].length } : undefined;
  }
  if (!rest.startsWith(',')) return undefined;
  // The sentence ends at ". " before a capital, or at the end of the paragraph.
  const sentenceEnd = /\.(?=\s+[\p{Lu}‘“"(])|\.?\s*$|:/u.exec(rest);
  const sentence = rest.slice(1, sentenceEnd ? sentenceEnd.index : rest.length);
  // Comma-separated parts after the name belong to it while they start with a capital or "(";
  // the first part always does (lower-case titles: "co-director of ...").
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let index = 0; index <= sentence.length; index += 1) {
    const character = sentence[index];
    if (character === '(') depth += 1;
    if (character === ')') depth -= 1;
    if (index === sentence.length || (character === ',' && depth === 0)) {
      parts.push(sentence.slice(from, index));
      from = index + 1;
    }
  }
  let length = 0;
  for (const [index, part] of parts.entries()) {
    const trimmed = part.trim();
    if (index > 0 && !/^(?:\p{Lu}|\(|the \p{Lu})/u.test(trimmed)) break;
    const verb = CLAUSE_VERB.exec(part);
    if (verb && verb.index > 0) {
      length += verb.index;
      break;
    }
    length += part.length + 1;
  }
  const description = sentence.slice(0, Math.min(length, sentence.length)).replace(/[\s,]+$/, '');
  const leading = description.length - description.trimStart().length;
  return description.trim() === '' ? undefined : { text: description.trim(), start: nameEnd + 1 + leading };
}

export function findMentions(text: string, from: number, to: number): PersonMention[] {
  const mentions: PersonMention[] = [];
  const window = text.slice(0, to);
  for (const pattern of [HONORIFIC_MENTION, POSSESSIVE_MENTION, ACRONYM_TITLE_MENTION]) {
    pattern.lastIndex = from;
    for (let match = pattern.exec(window); match !== null; match = pattern.exec(window)) {
      if (pattern === HONORIFIC_MENTION) {
        const name = { text: match[2]!, start: match.index + match[0].length - match[2]!.length };
        const description = descriptionAfter(text, spanEnd(name), to);
        const end = description ? spanEnd(description) : spanEnd(name);
        mentions.push({ honorific: match[1]!.replace(/\s+/g, ' '), name, description, whole: { text: text.slice(match.index, end), start: match.index } });
      } else {
        const organisation = { text: match[1]!, start: match.index };
        const name = { text: match[4]!, start: match.index + match[0].length - match[4]!.length };
        const honorific = match[3]?.replace(/\s+/g, ' ');
        mentions.push({ ...(honorific ? { honorific } : {}), name, possessive: { organisation, title: match[2]! }, whole: { text: match[0], start: match.index } });
      }
    }
  }
  // "UN Secretary-General Mr António Guterres" is one mention: the title form also holds the honorific.
  const titled = new Set(mentions.filter((mention) => mention.possessive).map((mention) => mention.name.start));
  return mentions
    .filter((mention) => mention.possessive !== undefined || !titled.has(mention.name.start))
    .sort((a, b) => a.whole.start - b.whole.start);
}
