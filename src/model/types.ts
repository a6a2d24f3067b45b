/**
 * The typed model that extraction produces and mapping consumes: the contract between the
 * "read and segment", "extract" and "map to RDF" stages. Every fact carries the evidence it came from.
 */

/** A span of a source text: JS string offsets (UTF-16 code units) into SourceDocument.text. */
export interface Evidence {
  /** SourceDocument.id of the report the span is in. */
  readonly source: string;
  readonly start: number;
  readonly end: number;
  /** Exactly text.slice(start, end). */
  readonly exact: string;
}

/** One input report, decoded and normalised (NFC, LF line ends, no BOM). */
export interface SourceDocument {
  /** Stable slug derived from the file name, unique within a build. */
  readonly id: string;
  /** Path as given by the user (for messages). */
  readonly path: string;
  readonly text: string;
  /** Hex SHA-256 of the normalised text. */
  readonly sha256: string;
}

export type RoleName = 'reporter' | 'moderator' | 'speaker' | 'organiser';

export interface Organisation {
  /** Slug, stable across builds; the IRI is minted from it. Gazetteer entries bring their own. */
  readonly key: string;
  readonly name: string;
  readonly acronym?: string;
  /** Other names the reports write for it ("Office of the High Commissioner for Human Rights" for OHCHR). */
  readonly alternateNames: readonly string[];
  /** Variants matched only approximately, typos included ("United National ..."): for resolving mentions, not for display. */
  readonly aliases: readonly string[];
  /** Key of the parent organisation (UNOSAT within UNITAR). */
  readonly parentKey?: string;
  /** Wikidata (or other) IRIs for the same organisation, from the gazetteer. */
  readonly sameAs: readonly string[];
  /** The organisation's own website, from the gazetteer's schema:url. */
  readonly url?: string;
  readonly evidence: readonly Evidence[];
}

export interface Affiliation {
  readonly organisationKey: string;
  /** The job title held at that organisation, when the text ties one to it. */
  readonly jobTitle?: string;
  readonly evidence: Evidence;
}

export interface Person {
  /** Slug of the name, e.g. "einar-bjorgo": same name, same key, same IRI. */
  readonly key: string;
  /** Name without honorific. */
  readonly name: string;
  /** "Mr", "Ms", "Dr", "Prof.", "H.E. Ms", "Ambassador"... */
  readonly honorific?: string;
  readonly jobTitles: readonly string[];
  readonly affiliations: readonly Affiliation[];
  /** Every place the person is named, full name or surname only. */
  readonly mentions: readonly Evidence[];
}

export interface Participation {
  readonly personKey: string;
  readonly role: RoleName;
  readonly evidence: Evidence;
}

export interface ThemeLink {
  /** IRI of a skos:Concept of ontology/themes.ttl. */
  readonly conceptIri: string;
  readonly evidence: Evidence;
}

export interface Initiative {
  readonly key: string;
  readonly name: string;
  readonly evidence: readonly Evidence[];
}

export interface Mention {
  readonly key: string;
  readonly evidence: Evidence;
}

export interface Session {
  readonly key: string;
  /** 1-based order within the event. */
  readonly position: number;
  readonly name: string;
  /** Evidence of the name when quoted from the text; absent when derived. */
  readonly nameEvidence?: Evidence;
  readonly description?: string;
  /** When and where the report says this session took place (xsd:date or xsd:dateTime forms). */
  readonly startDate?: string;
  readonly endDate?: string;
  readonly place?: Place;
  readonly participations: readonly Participation[];
  /** Surname-only or other later mentions of people: evidence of speaking. */
  readonly personMentions: readonly Mention[];
  readonly organisationMentions: readonly Mention[];
  readonly initiativeMentions: readonly Mention[];
  readonly themes: readonly ThemeLink[];
  readonly evidence: Evidence;
}

/** One session report of the page: written by a reporter, about a session or the whole event. */
export interface SectionReport {
  readonly key: string;
  readonly position: number;
  readonly reporterKey?: string;
  /** Session key; absent when the section reports on the whole event (a summary). */
  readonly sessionKey?: string;
  readonly evidence: Evidence;
}

export interface Place {
  readonly key: string;
  readonly name: string;
  readonly city?: string;
  readonly country?: string;
  readonly venue?: string;
  readonly streetAddress?: string;
  readonly sameAs: readonly string[];
  readonly evidence?: Evidence;
}

export interface EventModel {
  readonly key: string;
  readonly name: string;
  readonly nameEvidence?: Evidence;
  /**
   * xsd:date (YYYY-MM-DD) or, when the page gives a time, xsd:dateTime lexical forms
   * (YYYY-MM-DDThh:mm:ss, with the offset the page states: Z, +02:00...); both ends at the same precision.
   */
  readonly startDate?: string;
  readonly endDate?: string;
  readonly place?: Place;
  readonly description?: string;
  readonly themeLine?: string;
  readonly organisers: readonly Mention[];
  readonly sessions: readonly Session[];
  readonly sections: readonly SectionReport[];
  /** People named in summary sections without a role (Brad Smith). */
  readonly personMentions: readonly Mention[];
}

/** Everything extracted from one source report. */
export interface ReportModel {
  readonly source: SourceDocument;
  readonly event: EventModel;
  readonly people: readonly Person[];
  readonly organisations: readonly Organisation[];
  readonly initiatives: readonly Initiative[];
  /** When the page itself was published (its stamp, never the event's date): xsd:date or xsd:dateTime lexical form. */
  readonly datePublished?: string;
  /** Things extraction noticed and dropped (an incomplete last mention on a truncated page...). */
  readonly warnings: readonly string[];
}
