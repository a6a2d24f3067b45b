/**
 * The project's one RDF/JS DataFactory: modules that build terms are given it (mapReport,
 * createMinter, the SHACL validator) or import it. rdf-ext's terms hold a literal's value, language
 * and datatype as plain fields, where N3's parse them out of one string on every read; the writers
 * read them many times. Side by side on 1,000,000 quads (npx tsx bench/factory.ts), N3's
 * DataFactory took 1.5x rdf-ext's time to create them, 1.1x to compare them and 22x to read the
 * literals. rdf-ext also makes the datasets shacl-engine asks for.
 *
 * Only rdf-ext's term and dataset factories are put together here: its default environment also
 * loads parsers and serialisers of every format, fetch, grapoi and more, which no module uses
 * through the factory, and took 0.4 s of every command's start (0.08 s for these two).
 */
import Environment from '@rdfjs/environment/Environment.js';
import DataFactory from 'rdf-ext/DataFactory.js';
import DatasetFactory from 'rdf-ext/DatasetFactory.js';
import type { DataFactory as RdfDataFactory, DatasetCore } from '@rdfjs/types';

export interface ProjectFactory extends RdfDataFactory {
  dataset(): DatasetCore;
}

export const factory: ProjectFactory = new Environment([DataFactory, DatasetFactory], { bind: true });
