/**
 * N3's DataFactory against rdf-ext's on what the build does with terms: create them (named nodes,
 * typed and language-tagged literals, quads), compare them with equals, and read a literal's value,
 * language and datatype (the writers read them many times). Side by side in one run, alternating,
 * best of ROUNDS. Run: npx tsx bench/factory.ts [TERMS] (default 1,000,000).
 */
import { DataFactory as n3 } from 'n3';
import rdf from 'rdf-ext';
import type { DataFactory, Quad } from '@rdfjs/types';

const TERMS = Number(process.argv[2] ?? 1_000_000);
const ROUNDS = 3;
const XSD_DATE = 'http://www.w3.org/2001/XMLSchema#date';
const NAME = 'http://schema.org/name';

function create(factory: DataFactory): Quad[] {
  const date = factory.namedNode(XSD_DATE);
  const name = factory.namedNode(NAME);
  const quads: Quad[] = [];
  for (let index = 0; index < TERMS; index += 1) {
    const subject = factory.namedNode(`https://w3id.org/peacegraph/id/person/p${index % 50_000}`);
    const object = index % 2 === 0 ? factory.literal(`Name ${index}`, 'en') : factory.literal(`2017-11-${index % 28}`, date);
    quads.push(factory.quad(subject, name, object));
  }
  return quads;
}

function equals(quads: readonly Quad[]): number {
  let same = 0;
  for (let index = 1; index < quads.length; index += 1) {
    if (quads[index]!.subject.equals(quads[index - 1]!.subject)) same += 1;
    if (quads[index]!.object.equals(quads[index - 1]!.object)) same += 1;
  }
  return same;
}

function read(quads: readonly Quad[]): number {
  let length = 0;
  for (const { object } of quads) {
    if (object.termType === 'Literal') length += object.value.length + object.language.length + object.datatype.value.length;
  }
  return length;
}

function seconds(run: () => unknown): number {
  const started = performance.now();
  run();
  return (performance.now() - started) / 1000;
}

const factories = { 'N3 DataFactory': n3 as DataFactory, 'rdf-ext': rdf as DataFactory } as const;
const best = new Map<string, { create: number; equals: number; read: number }>();
for (let round = 0; round < ROUNDS; round += 1) {
  for (const [label, factory] of Object.entries(factories)) {
    let quads: Quad[] = [];
    const times = { create: seconds(() => (quads = create(factory))), equals: seconds(() => equals(quads)), read: seconds(() => read(quads)) };
    const previous = best.get(label);
    best.set(label, previous === undefined ? times : {
      create: Math.min(previous.create, times.create), equals: Math.min(previous.equals, times.equals), read: Math.min(previous.read, times.read),
    });
  }
}
const n3Times = best.get('N3 DataFactory')!;
const extTimes = best.get('rdf-ext')!;
console.log(`${TERMS.toLocaleString('en')} quads, best of ${ROUNDS}     create   equals   read literal`);
for (const [label, times] of best) {
  console.log(`${label.padEnd(28)} ${times.create.toFixed(3)} s  ${times.equals.toFixed(3)} s  ${times.read.toFixed(3)} s`);
}
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;
console.log(`N3 / rdf-ext time            ${ratio(n3Times.create, extTimes.create)}    ${ratio(n3Times.equals, extTimes.equals)}    ${ratio(n3Times.read, extTimes.read)}`);
