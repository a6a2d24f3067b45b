/**
 * Gold files (test/fixtures/devset/GOLD-FORMAT.md): read, checked, and reduced to what `eval` scores.
 * A gold file is written by hand, so every field the scorer reads is checked here and a mistake is
 * reported with the file and the field, before any page is built.
 */
import { readFile } from 'node:fs/promises';
import { describeFsError, InputError } from '../read/problems.js';
import { normaliseName } from './normalise.js';

export interface GoldPerson {
  /** As written in the gold file. */
  readonly name: string;
  readonly organisations: readonly string[];
}

export interface GoldPage {
  readonly path: string;
  /** The gold "layout" line ('' when absent). */
  readonly layout: string;
  /** Keyed by normalised name: each person once (GOLD-FORMAT.md). */
  readonly people: ReadonlyMap<string, GoldPerson>;
  /** Normalised gold organisation name or acronym -> every normalised form of that organisation. */
  readonly organisationForms: ReadonlyMap<string, ReadonlySet<string>>;
  /** Normalised name -> name as written: each session's moderators, and people whose roles include "moderator". */
  readonly moderators: ReadonlyMap<string, string>;
  /** The event's start date, YYYY-MM-DD, or undefined where the page states none. */
  readonly startDate?: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Field access that names the field when the gold file holds something else. */
class Fields {
  constructor(private readonly path: string) {}

  fail(where: string, expected: string): never {
    this.problem(`${where} must be ${expected}`);
  }

  problem(text: string): never {
    throw new InputError(this.path, `gold file: ${text}`);
  }

  object(value: Json | undefined, where: string): JsonObject {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) this.fail(where, 'an object');
    return value;
  }

  /** A list; absent or null is an empty list. */
  list(value: Json | undefined, where: string): Json[] {
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) this.fail(where, 'a list');
    return value;
  }

  text(value: Json | undefined, where: string): string {
    if (typeof value !== 'string') this.fail(where, 'a string');
    return value;
  }

  optionalText(value: Json | undefined, where: string): string | undefined {
    return value === undefined || value === null ? undefined : this.text(value, where);
  }

  texts(value: Json | undefined, where: string): string[] {
    return this.list(value, where).map((item, index) => this.text(item, `${where}[${index}]`));
  }
}

function readPeople(root: JsonObject, fields: Fields): { people: Map<string, GoldPerson>; roleModerators: Map<string, string> } {
  const people = new Map<string, GoldPerson>();
  const roleModerators = new Map<string, string>();
  const firstIndex = new Map<string, number>();
  fields.list(root.people, 'people').forEach((item, index) => {
    const where = `people[${index}]`;
    const person = fields.object(item, where);
    const name = fields.text(person.name, `${where}.name`);
    const key = normaliseName(name);
    const earlier = firstIndex.get(key);
    if (earlier !== undefined) fields.problem(`${where} ("${name}") repeats people[${earlier}]: list each person once`);
    firstIndex.set(key, index);
    people.set(key, { name, organisations: fields.texts(person.organisations, `${where}.organisations`) });
    if (fields.texts(person.roles, `${where}.roles`).includes('moderator')) roleModerators.set(key, name);
  });
  return { people, roleModerators };
}

/** Every form (name, acronym) of each gold organisation, reachable from any one of them. */
function readOrganisationForms(root: JsonObject, fields: Fields): Map<string, Set<string>> {
  const formsOf = new Map<string, Set<string>>();
  fields.list(root.organisations, 'organisations').forEach((item, index) => {
    const where = `organisations[${index}]`;
    const organisation = fields.object(item, where);
    const forms = new Set([normaliseName(fields.text(organisation.name, `${where}.name`))]);
    const acronym = fields.optionalText(organisation.acronym, `${where}.acronym`);
    if (acronym) forms.add(normaliseName(acronym));
    for (const form of forms) {
      const known = formsOf.get(form) ?? new Set<string>();
      for (const other of forms) known.add(other);
      formsOf.set(form, known);
    }
  });
  return formsOf;
}

function readStartDate(root: JsonObject, fields: Fields): string | undefined {
  if (root.event === undefined || root.event === null) return undefined;
  const startDate = fields.optionalText(fields.object(root.event, 'event').startDate, 'event.startDate');
  if (startDate !== undefined && !ISO_DAY.test(startDate)) fields.fail('event.startDate', `YYYY-MM-DD or null, not "${startDate}"`);
  return startDate;
}

export function parseGold(path: string, text: string): GoldPage {
  let parsed: Json;
  try {
    parsed = JSON.parse(text) as Json;
  } catch (error) {
    throw new InputError(path, `gold file is not valid JSON: ${(error as Error).message}`);
  }
  const fields = new Fields(path);
  const root = fields.object(parsed, 'the whole file');
  const { people, roleModerators } = readPeople(root, fields);
  const moderators = new Map<string, string>();
  fields.list(root.sessions, 'sessions').forEach((item, index) => {
    const session = fields.object(item, `sessions[${index}]`);
    for (const name of fields.texts(session.moderators, `sessions[${index}].moderators`)) {
      if (!moderators.has(normaliseName(name))) moderators.set(normaliseName(name), name);
    }
  });
  for (const [key, name] of roleModerators) if (!moderators.has(key)) moderators.set(key, name);
  return {
    path,
    layout: fields.optionalText(root.layout, 'layout') ?? '',
    people,
    organisationForms: readOrganisationForms(root, fields),
    moderators,
    startDate: readStartDate(root, fields),
  };
}

export async function readGold(path: string): Promise<GoldPage> {
  const text = await readFile(path, 'utf8').catch((error: unknown) => {
    throw new InputError(path, `gold file: ${describeFsError(error)}`);
  });
  return parseGold(path, text);
}
