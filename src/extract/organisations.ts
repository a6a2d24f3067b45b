/**
 * Organisations of one report: each mention ("Institute for Economics and Peace (IEP)", "UNITAR",
 * a typo of a known name) resolved to one entry, the gazetteer's when it knows the organisation.
 */
import type { Evidence, Organisation } from '../model/types.js';
import { slugify } from '../rdf/iri.js';
import { normaliseName, type Knowledge, type KnownOrganisation } from './knowledge.js';
import { BoundedMemo } from '../memo.js';

/** Words that make a name an organisation's. */
export const ORGANISATION_CUES = /\b(?:Institute|Institution|Centre|Center|Council|Foundation|Programme|Program|Organi[sz]ation|Office|Agency|Committee|Ministry|Mission|University|Project|Platform|Forum|Network|Union|Bank|Fund|Commission|Association|Society|Lab|Laboratory|Group|Unit|Division|Department|Secretariat|Alliance|Initiative|Partnership|Observatory|Academy|School|College|Corporation|Company|Inc|Ltd|Trust|Coalition|Federation|Authority|Board|Court|Parliament|Government|Embassy|Service|Services|Cross|Crescent|Nations|Watch|International|Enterprise|Consortium|Confederation)\b/;

/** Typos tolerated in an organisation's name ("United National ..." for "United Nations ..."). */
const MAX_EDITS = 2;

/**
 * Edit distance between a and b when it is at most MAX_EDITS, else MAX_EDITS + 1. Only the band of
 * cells within MAX_EDITS of the diagonal can stay under the limit, so only those are computed.
 */
export function boundedEditDistance(a: string, b: string): number {
  const over = MAX_EDITS + 1;
  if (Math.abs(a.length - b.length) > MAX_EDITS) return over;
  let previous = Array.from({ length: b.length + 1 }, (_unused, index) => Math.min(index, over));
  for (let i = 1; i <= a.length; i += 1) {
    const current = new Array<number>(b.length + 1).fill(over);
    current[0] = Math.min(i, over);
    let best = current[0];
    for (let j = Math.max(1, i - MAX_EDITS); j <= Math.min(b.length, i + MAX_EDITS); j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost, over);
      best = Math.min(best, current[j]!);
    }
    if (best >= over) return over;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Gazetteer look-ups, memoised per gazetteer across reports (fuzzy matching passes over every
 * known name, and a corpus names the same organisations again and again). Bounded: a corpus of
 * unknown names must not grow it without end.
 */
const lookUps = new WeakMap<Knowledge, BoundedMemo<string, KnownOrganisation | undefined>>();

interface Entry {
  key: string;
  name: string;
  acronym?: string;
  /** Names written in the reports for it, other than its name: alternative labels. */
  writtenNames: Set<string>;
  /** Variants matched only approximately (typos): hidden labels. */
  aliases: Set<string>;
  /** "start-end" of every evidence span recorded. */
  seen: Set<string>;
  parentKey?: string;
  sameAs: readonly string[];
  url?: string;
  evidence: Evidence[];
}

export class OrganisationRegistry {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly knowledge: Knowledge) {}

  private known(name: string | undefined, acronym: string | undefined): KnownOrganisation | undefined {
    let memo = lookUps.get(this.knowledge);
    if (memo === undefined) {
      memo = new BoundedMemo(100_000);
      lookUps.set(this.knowledge, memo);
    }
    return memo.get(`${name ?? ''}\u0000${acronym ?? ''}`, () => this.lookUp(name, acronym));
  }

  private lookUp(name: string | undefined, acronym: string | undefined): KnownOrganisation | undefined {
    if (acronym !== undefined) {
      const byAcronym = this.knowledge.organisationsByAcronym.get(acronym);
      if (byAcronym) return byAcronym;
    }
    if (name === undefined) return acronym === undefined ? undefined : this.knowledge.organisationsByAcronym.get(acronym);
    const normalised = normaliseName(name);
    const exact = this.knowledge.organisationsByName.get(normalised) ?? this.knowledge.organisationsByAcronym.get(name);
    if (exact) return exact;
    // A typo: one or two edits away from a known name of some length.
    if (normalised.length < 12) return undefined;
    let best: { organisation: KnownOrganisation; distance: number } | undefined;
    for (const [knownName, organisation] of this.knowledge.organisationsByName) {
      const distance = boundedEditDistance(knownName, normalised);
      if (distance <= MAX_EDITS && (best === undefined || distance < best.distance)) best = { organisation, distance };
    }
    return best?.organisation;
  }

  /** This report's organisations by acronym and by normalised name or alias. */
  private readonly byAcronym = new Map<string, Entry>();
  private readonly byName = new Map<string, Entry>();

  private local(name: string | undefined, acronym: string | undefined): Entry | undefined {
    return (acronym !== undefined ? this.byAcronym.get(acronym) : undefined)
      ?? (name !== undefined ? this.byName.get(normaliseName(name)) ?? (acronym === undefined ? this.byAcronym.get(name) : undefined) : undefined);
  }

  private index(entry: Entry): void {
    if (entry.acronym !== undefined && !this.byAcronym.has(entry.acronym)) this.byAcronym.set(entry.acronym, entry);
    for (const name of [entry.name, ...entry.writtenNames, ...entry.aliases]) {
      const normalised = normaliseName(name);
      if (!this.byName.has(normalised)) this.byName.set(normalised, entry);
    }
  }

  /** Whether the gazetteer or this report already knows an organisation by this name or acronym. */
  isKnown(name: string): boolean {
    return this.known(name, undefined) !== undefined || this.local(name, undefined) !== undefined;
  }

  /** Registers a mention; returns the organisation's key. */
  resolve(name: string | undefined, acronym: string | undefined, evidence: Evidence): string {
    const known = this.known(name, acronym);
    const existing = known ? this.entries.get(known.key) : this.local(name, acronym);
    const entry: Entry = existing ?? (known
      ? { key: known.key, name: known.name, acronym: known.acronyms[0], writtenNames: new Set(), aliases: new Set(), seen: new Set(), parentKey: known.parentKey, sameAs: known.sameAs, url: known.url, evidence: [] }
      : { key: slugify(name ?? acronym ?? 'organisation'), name: name ?? acronym!, acronym, writtenNames: new Set(), aliases: new Set(), seen: new Set(), sameAs: [], evidence: [] });
    if (entry.acronym === undefined && acronym !== undefined) entry.acronym = acronym;
    if (name !== undefined && normaliseName(name) !== normaliseName(entry.name) && name !== entry.acronym) {
      // A real alternative name is one the gazetteer lists (or any name of an organisation it does not
      // know) and no typo of the name; variants matched by acronym or by spelling stay hidden.
      const listed = known === undefined || this.knowledge.organisationsByName.get(normaliseName(name)) === known;
      const typo = boundedEditDistance(normaliseName(name), normaliseName(entry.name)) <= MAX_EDITS;
      (listed && !typo ? entry.writtenNames : entry.aliases).add(name);
    }
    // A set of the spans already recorded keeps pages that name an organisation thousands of times linear.
    const position = `${evidence.start}-${evidence.end}`;
    if (!entry.seen.has(position)) {
      entry.seen.add(position);
      entry.evidence.push(evidence);
    }
    this.entries.set(entry.key, entry);
    this.index(entry);
    return entry.key;
  }

  /** Records that one organisation is part of another (UNOSAT at UNITAR), unless the gazetteer says otherwise. */
  setParent(childKey: string, parentKey: string): void {
    const child = this.entries.get(childKey);
    if (child !== undefined && child.parentKey === undefined && childKey !== parentKey) child.parentKey = parentKey;
  }

  /** Acronyms this report or the gazetteer defines, for acronym-only mentions in running text. */
  acronyms(): Map<string, { name?: string; acronym: string }> {
    const found = new Map<string, { name?: string; acronym: string }>();
    for (const organisation of this.knowledge.organisations) {
      for (const acronym of organisation.acronyms) if (acronym.length >= 3) found.set(acronym, { acronym });
    }
    for (const entry of this.entries.values()) if (entry.acronym !== undefined) found.set(entry.acronym, { acronym: entry.acronym });
    return found;
  }

  /** Parents named only by the gazetteer join the report's organisations, so every link has a target. */
  private addKnownParents(): void {
    for (const entry of [...this.entries.values()]) {
      let parentKey = entry.parentKey;
      while (parentKey !== undefined && !this.entries.has(parentKey)) {
        const parent = this.knowledge.organisations.find((organisation) => organisation.key === parentKey);
        if (parent === undefined) break;
        this.entries.set(parent.key, {
          key: parent.key, name: parent.name, acronym: parent.acronyms[0], writtenNames: new Set(), aliases: new Set(), seen: new Set(), parentKey: parent.parentKey, sameAs: parent.sameAs, url: parent.url, evidence: [],
        });
        parentKey = parent.parentKey;
      }
    }
  }

  organisations(): Organisation[] {
    this.addKnownParents();
    return [...this.entries.values()]
      .map((entry) => ({
        key: entry.key, name: entry.name, acronym: entry.acronym, alternateNames: [...entry.writtenNames].sort(), aliases: [...entry.aliases].sort(),
        parentKey: entry.parentKey, sameAs: entry.sameAs, ...(entry.url === undefined ? {} : { url: entry.url }),
        evidence: [...entry.evidence].sort((a, b) => a.start - b.start),
      }))
      .sort((a, b) => (a.key < b.key ? -1 : 1));
  }
}
