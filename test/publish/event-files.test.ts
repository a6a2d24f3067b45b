/**
 * The event files of a real build, checked by independent readers: jsonld.js expands each
 * event-*.jsonld with a loader that serves only the bundled schema.org context and refuses every
 * other URL, and every person and organisation in it must be a node of graph.nt; the HTML goes
 * through structured-data-testing-tool with Google's Event properties (google-event-preset.ts).
 */
import { expect } from 'chai';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsonld from 'jsonld';
import type { JsonLdDocument } from 'jsonld';
import { Parser } from 'n3';
import { structuredDataTest, type SdttResponse } from 'structured-data-testing-tool';
import { SocialMedia } from 'structured-data-testing-tool/presets.js';
import { writeGraph } from '../../src/write/outputs.js';
import { withEventPageWarning } from '../../src/publish/event-files.js';
import { BUNDLED } from '../../src/paths.js';
import { DEFAULT_BASE } from '../../src/rdf/namespaces.js';
import { fixtureModel } from '../write/fixture.js';
import { sampleBuild } from '../write/fixture.js';
import { GOOGLE_EVENT } from './google-event-preset.js';

const SCHEMA = 'http://schema.org/';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

/** Serves data/contexts/schema.org.jsonld for schema.org's addresses; anything else would be the network. */
async function offlineLoader(url: string) {
  if (!/^https?:\/\/schema\.org\/?$/.test(url)) throw new Error(`test refused to fetch ${url}`);
  return { contextUrl: undefined, documentUrl: url, document: JSON.parse(await readFile(BUNDLED.schemaOrgContext, 'utf8')) };
}

interface ExpandedNode {
  readonly '@id'?: string;
  readonly '@type'?: readonly string[];
  readonly [key: string]: unknown;
}

/** Every node object of an expanded document, nested ones included. */
function expandedNodes(value: unknown): ExpandedNode[] {
  if (Array.isArray(value)) return value.flatMap(expandedNodes);
  if (typeof value !== 'object' || value === null || '@value' in value) return [];
  return [value as ExpandedNode, ...Object.entries(value).filter(([key]) => !key.startsWith('@')).flatMap(([, child]) => expandedNodes(child))];
}

/** What structured-data-testing-tool says; a failed validation is a result, not an error. */
async function sdtt(html: Buffer): Promise<SdttResponse> {
  try {
    return await structuredDataTest(html, { presets: [GOOGLE_EVENT, SocialMedia], schemas: ['Event'] });
  } catch (error) {
    const failure = error as { type?: string; res?: SdttResponse };
    if (failure.type === 'VALIDATION_FAILED' && failure.res !== undefined) return failure.res;
    throw error;
  }
}

describe('publish/event-files (a real build, read back by independent tools)', () => {
  let out: string;
  let eventFiles: string[];
  let graphTypes: Map<string, Set<string>>;

  before(async () => {
    out = await mkdtemp(join(tmpdir(), 'peacegraph-event-files-'));
    const { quads, models } = await sampleBuild();
    await writeGraph(out, quads, DEFAULT_BASE, models);
    eventFiles = (await readdir(out)).filter((name) => name.startsWith('event-')).sort();
    graphTypes = new Map();
    for (const quad of new Parser({ format: 'N-Triples' }).parse(await readFile(join(out, 'graph.nt'), 'utf8'))) {
      if (quad.predicate.value !== RDF_TYPE) continue;
      graphTypes.set(quad.subject.value, (graphTypes.get(quad.subject.value) ?? new Set()).add(quad.object.value));
    }
  });
  after(() => rm(out, { recursive: true, force: true }));

  it('writes an event JSON-LD file and an HTML page per report', () => {
    expect(eventFiles.filter((name) => name.endsWith('.jsonld'))).to.have.length.greaterThan(0);
    expect(eventFiles.filter((name) => name.endsWith('.html'))).to.have.length(eventFiles.length / 2);
  });

  it('expands offline, and every person and organisation in it is a node of graph.nt with the same type', async () => {
    for (const name of eventFiles.filter((file) => file.endsWith('.jsonld'))) {
      const document = JSON.parse(await readFile(join(out, name), 'utf8')) as JsonLdDocument;
      const nodes = expandedNodes(await jsonld.expand(document, { documentLoader: offlineLoader }));
      for (const type of ['Person', 'Organization']) {
        const typed = nodes.filter((node) => node['@type']?.includes(`${SCHEMA}${type}`));
        expect(typed, `${name}: ${type}`).to.not.be.empty;
        for (const node of typed) {
          expect(node['@id'], `${name}: a ${type} without IRI`).to.be.a('string').and.not.match(/^_:/);
          expect([...(graphTypes.get(node['@id']!) ?? [])], `${name}: ${node['@id']} in graph.nt`).to.include(`${SCHEMA}${type}`);
        }
      }
    }
  });

  it('passes structured-data-testing-tool with no Event failure; only image checks fail (reports carry no image)', async () => {
    for (const name of eventFiles.filter((file) => file.endsWith('.html'))) {
      const result = await sdtt(await readFile(join(out, name)));
      expect(result.schemas, name).to.include('Event');
      expect(result.passed.map((test) => test.test), name).to.include.members(GOOGLE_EVENT.tests.filter((test) => test.warning !== true).map((test) => test.test));
      const failed = result.failed.map((test) => `${test.group}: ${test.test}`);
      expect(failed.filter((test) => !/image/.test(test)), name).to.deep.equal([]);
      expect(result.passed.map((test) => test.test), name).to.include.members(['"og:title"', '"og:description"', '"og:url"', '"twitter:card"', '"twitter:title"', '"twitter:description"']);
    }
  });

  const eligibility: Array<[string, typeof fixtureModel, string | undefined]> = [
    ['an eligible page', fixtureModel, undefined],
    ['a page without place', { ...fixtureModel, event: { ...fixtureModel.event, place: undefined } },
      'event-geneva-peace-week-2017.html: not eligible for Google Event rich results: no location (the report names no place)'],
    ['a page without date', { ...fixtureModel, event: { ...fixtureModel.event, startDate: undefined, endDate: undefined } },
      'event-geneva-peace-week-2017.html: not eligible for Google Event rich results: no start date (the report gives no date)'],
  ];
  for (const [title, model, warning] of eligibility) {
    it(`warns at build time about ${title}`, () => {
      expect(withEventPageWarning(model).warnings.at(-1)).to.equal(warning);
    });
  }
});
