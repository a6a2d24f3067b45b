/**
 * The project's one RDF/JS DataFactory: modules that build terms are given it (mapReport,
 * createMinter, the SHACL validator) or import it. rdf-ext's terms hold a literal's value, language
 * and datatype as plain fields, where N3's parse them out of one string on every read; the writers
 * read them many times. Side by side on 1,000,000 quads (npx tsx bench/factory.ts), N3's
 * DataFactory took 1.5x rdf-ext's time to create them, 1.1x to compare them and 22x to read the
 * literals. rdf-ext also makes the datasets shacl-engine asks for.
 */
import rdf from 'rdf-ext';
import type { DataFactory, DatasetCore } from '@rdfjs/types';

export interface ProjectFactory extends DataFactory {
  dataset(): DatasetCore;
}

export const factory: ProjectFactory = rdf;
