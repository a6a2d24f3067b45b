/** The people of one report: one entry per name, whatever the number of mentions. */
import type { Affiliation, Evidence, Person } from '../model/types.js';
import { slugify } from '../rdf/iri.js';
import { isParticle } from '../text/name-particles.js';
import type { IdentityRules } from './identity.js';

/** No decisions: every name is its own person. */
const NO_DECISIONS: IdentityRules = { canonical: (name) => name, distinct: () => false };

interface Entry {
  /** "start-end" of every mention already recorded, so long reports stay linear. */
  seen: Set<string>;
  key: string;
  name: string;
  honorific?: string;
  jobTitles: string[];
  affiliations: Affiliation[];
  mentions: Evidence[];
}

export class PeopleRegistry {
  private readonly entries = new Map<string, Entry>();

  /** `identity`: the user's decisions on who is who; `reportId`: the report these people are named in. */
  constructor(private readonly identity: IdentityRules = NO_DECISIONS, private readonly reportId = '') {}

  /**
   * Registers a named person; returns the key: the slug of the name, or of the name a same-as
   * decision gives, followed by the report's id where a not-same-as decision sets it apart.
   */
  add(written: string, mention: Evidence, honorific?: string): string {
    const name = this.identity.canonical(written);
    const key = this.identity.distinct(name, this.reportId) ? `${slugify(name)}-${this.reportId}` : slugify(name);
    const entry = this.entries.get(key) ?? { seen: new Set<string>(), key, name, jobTitles: [], affiliations: [], mentions: [] };
    // H.E. or Ambassador says more than Mr: keep the first honorific unless a later one is longer.
    if (honorific !== undefined && (entry.honorific === undefined || honorific.length > entry.honorific.length)) entry.honorific = honorific;
    this.addMention(entry, mention);
    this.entries.set(key, entry);
    return key;
  }

  private addMention(entry: Entry, mention: Evidence): void {
    const position = `${mention.start}-${mention.end}`;
    if (entry.seen.has(position)) return;
    entry.seen.add(position);
    entry.mentions.push(mention);
  }

  mention(key: string, evidence: Evidence): void {
    const entry = this.entries.get(key);
    if (entry) this.addMention(entry, evidence);
  }

  addTitle(key: string, title: string): void {
    const entry = this.entries.get(key)!;
    if (!entry.jobTitles.includes(title)) entry.jobTitles.push(title);
  }

  addAffiliation(key: string, affiliation: Affiliation): void {
    const entry = this.entries.get(key)!;
    const existing = entry.affiliations.findIndex((known) => known.organisationKey === affiliation.organisationKey);
    if (existing < 0) entry.affiliations.push(affiliation);
    else if (entry.affiliations[existing]!.jobTitle === undefined && affiliation.jobTitle !== undefined) {
      entry.affiliations[existing] = { ...entry.affiliations[existing]!, jobTitle: affiliation.jobTitle };
    }
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  /**
   * Shorter forms each person is referred to by later ("Bjorgo", "Rosen Jacobson"): the name
   * without its first word, and its last word; forms shared by two people are ambiguous and dropped.
   */
  shortForms(): Map<string, string> {
    const forms = new Map<string, string | null>();
    for (const entry of this.entries.values()) {
      const words = entry.name.split(/\s+/);
      const rest = words.slice(1).join(' ');
      // "van der Berghe" opens a sentence as "Van der Berghe".
      const candidates = new Set([rest, rest.charAt(0).toUpperCase() + rest.slice(1), words[words.length - 1]!]);
      for (const form of candidates) {
        if (form.length < 3 || isParticle(form)) continue;
        forms.set(form, forms.has(form) && forms.get(form) !== entry.key ? null : entry.key);
      }
    }
    return new Map([...forms].filter((pair): pair is [string, string] => pair[1] !== null));
  }

  people(): Person[] {
    return [...this.entries.values()]
      .map(({ seen: _seen, ...entry }) => ({ ...entry, mentions: [...entry.mentions].sort((a, b) => a.start - b.start) }))
      .sort((a, b) => (a.key < b.key ? -1 : 1));
  }
}
