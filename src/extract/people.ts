/** The people of one report: one entry per name, whatever the number of mentions. */
import type { Affiliation, Evidence, Person } from '../model/types.js';
import { slugify } from '../rdf/iri.js';
import { NAME_PARTICLES } from '../segment/names.js';

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

  /** Registers a named person (key = slug of the name); returns the key. */
  add(name: string, mention: Evidence, honorific?: string): string {
    const key = slugify(name);
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
        if (form.length < 3 || NAME_PARTICLES.includes(form.toLowerCase())) continue;
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
