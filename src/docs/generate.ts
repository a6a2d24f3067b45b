/** Ontology documentation from the bundled ontology, theme scheme and shapes files. */
import { BUNDLED } from '../paths.js';
import { readOntologyDoc } from './ontology-model.js';
import { ontologyMarkdown } from './markdown.js';

export const ONTOLOGY_FILES = [BUNDLED.ontology, BUNDLED.themes, BUNDLED.shapes] as const;

export async function generateOntologyMarkdown(paths: readonly string[] = ONTOLOGY_FILES): Promise<string> {
  return ontologyMarkdown(await readOntologyDoc(paths));
}
