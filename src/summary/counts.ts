/**
 * What a build found, merged across reports (one person, one entry), for the build summary and
 * `stats`. Each report is first reduced to a small digest, so a corpus build (whose reports are
 * extracted in worker threads) never has to keep every report's model.
 */
import type { ReportModel } from '../model/types.js';

export interface BuildCounts {
  readonly reports: number;
  readonly events: number;
  readonly sessions: number;
  readonly people: number;
  readonly organisations: number;
  readonly themes: number;
  readonly triples: number;
}

export interface PersonLine {
  readonly name: string;
  readonly organisations: readonly string[];
  readonly sessions: readonly string[];
}

/** The keys one report contributes to the counts, and its people as listed by `stats`. */
export interface ReportDigest {
  readonly event: string;
  readonly sessions: readonly string[];
  readonly organisations: readonly string[];
  readonly themes: readonly string[];
  readonly people: ReadonlyArray<PersonLine & { readonly key: string }>;
}

export function digestReport(model: ReportModel): ReportDigest {
  const organisationNames = new Map(model.organisations.map((organisation) => [organisation.key, organisation.acronym ?? organisation.name]));
  const sessionsOf = new Map<string, string[]>();
  for (const session of model.event.sessions) {
    for (const participation of session.participations) {
      const lines = sessionsOf.get(participation.personKey) ?? [];
      lines.push(`${session.position}. ${session.name} (${participation.role})`);
      sessionsOf.set(participation.personKey, lines);
    }
  }
  return {
    event: model.event.key,
    sessions: model.event.sessions.map((session) => session.key),
    organisations: model.organisations.map((organisation) => organisation.key),
    themes: model.event.sessions.flatMap((session) => session.themes.map((link) => link.conceptIri)),
    people: model.people.map((person) => ({
      key: person.key,
      name: person.name,
      organisations: person.affiliations.map((affiliation) => organisationNames.get(affiliation.organisationKey) ?? affiliation.organisationKey),
      sessions: sessionsOf.get(person.key) ?? [],
    })),
  };
}

export function countFindings(digests: readonly ReportDigest[], triples: number): BuildCounts {
  const distinct = (keys: (digest: ReportDigest) => Iterable<string>): number => {
    const seen = new Set<string>();
    for (const digest of digests) for (const key of keys(digest)) seen.add(key);
    return seen.size;
  };
  return {
    reports: digests.length,
    events: distinct((digest) => [digest.event]),
    sessions: distinct((digest) => digest.sessions),
    people: distinct((digest) => digest.people.map((person) => person.key)),
    organisations: distinct((digest) => digest.organisations),
    themes: distinct((digest) => digest.themes),
    triples,
  };
}

/** People with their organisations and the sessions they took part in, sorted by name. */
export function listPeople(digests: readonly ReportDigest[]): PersonLine[] {
  const people = new Map<string, { name: string; organisations: Set<string>; sessions: Set<string> }>();
  for (const digest of digests) {
    for (const person of digest.people) {
      const entry = people.get(person.key) ?? { name: person.name, organisations: new Set(), sessions: new Set() };
      for (const organisation of person.organisations) entry.organisations.add(organisation);
      for (const session of person.sessions) entry.sessions.add(session);
      people.set(person.key, entry);
    }
  }
  return [...people.values()]
    .map(({ name, organisations, sessions }) => ({ name, organisations: [...organisations].sort(), sessions: [...sessions] }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
}

export function formatCounts(counts: BuildCounts): string {
  const rows: Array<[string, number]> = [
    ['reports', counts.reports], ['events', counts.events], ['sessions', counts.sessions], ['people', counts.people],
    ['organisations', counts.organisations], ['themes', counts.themes], ['triples', counts.triples],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`).join('\n');
}

export function formatPeople(lines: readonly PersonLine[]): string {
  return lines
    .map((line) => {
      const organisations = line.organisations.length > 0 ? ` — ${line.organisations.join('; ')}` : '';
      const sessions = line.sessions.map((session) => `\n      ${session}`).join('');
      return `  ${line.name}${organisations}${sessions}`;
    })
    .join('\n');
}
