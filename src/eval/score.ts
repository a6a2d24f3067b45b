/**
 * One page's graph against its gold, counted exactly as the independent scorer counts
 * (../shared/tools/scoring/score.py and score2.py), with the names behind each count:
 * - people: gold people found by normalised name; a name the graph gives to two nodes counts once,
 *   and the second node is a duplicate (it lowers the page's precision);
 * - person-organisation pairs: a predicted pair is right when its organisation has a label
 *   matching one of the person's gold organisations; a gold pair is found when the organisation
 *   or one of its parents matches (matching: equal normalised labels, or the shorter one of 2+
 *   words contained in the longer);
 * - moderators: normalised names of moderator participants and pg:moderator values;
 * - start date: the gold day among the days of top-level events; a page with no gold date is right.
 */
import type { Term } from '@rdfjs/types';
import type { GoldPage } from './gold.js';
import { GraphIndex, termKey } from './graph-index.js';
import { contractPeople, moderatorNames, organisationDisplayName, organisationLabels, topLevelStartDays, type ContractPerson } from './contract.js';
import { normaliseName } from './normalise.js';

export interface NameCounts {
  /** Gold items found in the graph. */
  readonly found: number;
  /** Distinct items in the graph. */
  readonly predicted: number;
  readonly gold: number;
  readonly missed: readonly string[];
  readonly extra: readonly string[];
}

export interface PeopleCounts extends NameCounts {
  /** Extra nodes for a name already counted. */
  readonly duplicates: number;
}

export interface PairCounts {
  /** Predicted pairs whose organisation is one of the person's gold organisations. */
  readonly predictedRight: number;
  readonly predicted: number;
  /** Gold pairs matched by the organisation of a predicted pair or one of its parents. */
  readonly goldFound: number;
  readonly gold: number;
  /** "Person — organisation" */
  readonly missed: readonly string[];
  readonly extra: readonly string[];
}

export interface DateResult {
  readonly gold?: string;
  readonly found: readonly string[];
  readonly right: boolean;
}

export interface PageScore {
  readonly built: boolean;
  readonly people: PeopleCounts;
  readonly pairs: PairCounts;
  readonly moderators: NameCounts;
  readonly startDate: DateResult;
}

const PAIR = ' — ';

/** Words of a normalised text (single spaces, none at the ends). */
function words(normal: string): number {
  return normal === '' ? 0 : normal.split(' ').length;
}

/** Equal labels, or the shorter of 2+ words contained in the longer (as text, like score.py). */
export function organisationMatches(labels: ReadonlySet<string>, goldForms: ReadonlySet<string>): boolean {
  for (const label of labels) {
    for (const form of goldForms) {
      if (label === form) return true;
      const [shorter, longer] = words(label) <= words(form) ? [label, form] : [form, label];
      if (words(shorter) >= 2 && longer.includes(shorter)) return true;
    }
  }
  return false;
}

/** Every normalised form of a gold organisation string (its name and acronym when the gold lists it). */
function goldForms(gold: GoldPage, organisation: string): ReadonlySet<string> {
  const form = normaliseName(organisation);
  return gold.organisationForms.get(form) ?? new Set([form]);
}

function byName(people: readonly ContractPerson[]): Map<string, ContractPerson[]> {
  const grouped = new Map<string, ContractPerson[]>();
  for (const person of people) {
    const same = grouped.get(person.key);
    if (same === undefined) grouped.set(person.key, [person]);
    else same.push(person);
  }
  return grouped;
}

function sorted(values: Iterable<string>): string[] {
  return [...values].sort();
}

function scorePeople(predicted: Map<string, ContractPerson[]>, gold: GoldPage): PeopleCounts {
  const missed = [...gold.people].filter(([key]) => !predicted.has(key)).map(([, person]) => person.name);
  const extra = [...predicted].filter(([key]) => !gold.people.has(key)).map(([, nodes]) => nodes[0]!.name);
  return {
    found: gold.people.size - missed.length,
    predicted: predicted.size,
    gold: gold.people.size,
    duplicates: [...predicted.values()].reduce((sum, nodes) => sum + nodes.length - 1, 0),
    missed: sorted(missed),
    extra: sorted(extra),
  };
}

function scorePairs(index: GraphIndex, predicted: Map<string, ContractPerson[]>, gold: GoldPage): PairCounts {
  const labelsOf = new Map<string, Set<string>>();
  const labels = (organisation: Term): Set<string> => {
    const key = termKey(organisation);
    let known = labelsOf.get(key);
    if (known === undefined) {
      known = organisationLabels(index, organisation);
      labelsOf.set(key, known);
    }
    return known;
  };
  let predictedCount = 0;
  let predictedRight = 0;
  let goldCount = 0;
  let goldFound = 0;
  const missed: string[] = [];
  const extra: string[] = [];
  for (const [key, nodes] of predicted) {
    const goldOrganisations = (gold.people.get(key)?.organisations ?? []).map((organisation) => goldForms(gold, organisation));
    for (const chain of nodes.flatMap((node) => node.organisationChains)) {
      predictedCount += 1;
      if (goldOrganisations.some((forms) => organisationMatches(labels(chain[0]!), forms))) predictedRight += 1;
      else extra.push(`${nodes[0]!.name}${PAIR}${organisationDisplayName(index, chain[0]!)}`);
    }
  }
  for (const [key, person] of gold.people) {
    const chains = (predicted.get(key) ?? []).flatMap((node) => node.organisationChains);
    for (const organisation of person.organisations) {
      goldCount += 1;
      const forms = goldForms(gold, organisation);
      if (chains.some((chain) => chain.some((node) => organisationMatches(labels(node), forms)))) goldFound += 1;
      else missed.push(`${person.name}${PAIR}${organisation}`);
    }
  }
  return { predictedRight, predicted: predictedCount, goldFound, gold: goldCount, missed: sorted(missed), extra: sorted(extra) };
}

function scoreNames(predicted: ReadonlyMap<string, string>, gold: ReadonlyMap<string, string>): NameCounts {
  const missed = [...gold].filter(([key]) => !predicted.has(key)).map(([, name]) => name);
  const extra = [...predicted].filter(([key]) => !gold.has(key)).map(([, name]) => name);
  return { found: gold.size - missed.length, predicted: predicted.size, gold: gold.size, missed: sorted(missed), extra: sorted(extra) };
}

/** A page that was not built: nothing found, everything in the gold missed. */
export function scoreUnbuilt(gold: GoldPage): PageScore {
  const nothing = scorePage(new GraphIndex([]), gold);
  // score2.py counts an unbuilt page's date as wrong, even where the gold has none.
  return { ...nothing, built: false, startDate: { ...nothing.startDate, right: false } };
}

export function scorePage(index: GraphIndex, gold: GoldPage): PageScore {
  const predicted = byName(contractPeople(index));
  const days = sorted(topLevelStartDays(index));
  return {
    built: true,
    people: scorePeople(predicted, gold),
    pairs: scorePairs(index, predicted, gold),
    moderators: scoreNames(moderatorNames(index), gold.moderators),
    startDate: { gold: gold.startDate, found: days, right: gold.startDate === undefined || days.includes(gold.startDate) },
  };
}
