/** What a build found, merged across reports (one person, one entry), for the build summary and `stats`. */
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

export function countFindings(models: readonly ReportModel[], triples: number): BuildCounts {
  const distinct = (keys: (model: ReportModel) => Iterable<string>): number =>
    new Set(models.flatMap((model) => [...keys(model)])).size;
  return {
    reports: models.length,
    events: distinct((model) => [model.event.key]),
    sessions: distinct((model) => model.event.sessions.map((session) => session.key)),
    people: distinct((model) => model.people.map((person) => person.key)),
    organisations: distinct((model) => model.organisations.map((organisation) => organisation.key)),
    themes: distinct((model) => model.event.sessions.flatMap((session) => session.themes.map((link) => link.conceptIri))),
    triples,
  };
}

export interface PersonLine {
  readonly name: string;
  readonly organisations: readonly string[];
  readonly sessions: readonly string[];
}

/** People with their organisations and the sessions they took part in, sorted by name. */
export function listPeople(models: readonly ReportModel[]): PersonLine[] {
  const people = new Map<string, { name: string; organisations: Set<string>; sessions: Set<string> }>();
  for (const model of models) {
    const organisationNames = new Map(model.organisations.map((organisation) => [
      organisation.key,
      organisation.acronym ?? organisation.name,
    ]));
    for (const person of model.people) {
      const entry = people.get(person.key) ?? { name: person.name, organisations: new Set(), sessions: new Set() };
      for (const affiliation of person.affiliations) {
        entry.organisations.add(organisationNames.get(affiliation.organisationKey) ?? affiliation.organisationKey);
      }
      people.set(person.key, entry);
    }
    for (const session of model.event.sessions) {
      for (const participation of session.participations) {
        people.get(participation.personKey)?.sessions.add(`${session.position}. ${session.name} (${participation.role})`);
      }
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
