/**
 * `peacegraph validate`: SHACL-check a built graph file against ontology/shapes.ttl. A build keeps
 * the evidence apart from the facts, and the shapes check both: a graph.* file is checked with the
 * evidence.nt beside it.
 */
import type { CommandModule } from 'yargs';
import { stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { EXIT, UserError, type CliContext } from '../context.js';
import { readGraphFile, GRAPH_EXTENSIONS } from '../../rdf-io/read-graph.js';
import { validateQuads } from '../../validate/validate.js';
import { formatReport } from '../../validate/format.js';
import { graphPrefixes } from '../../rdf-io/prefixes.js';
import { normaliseBase } from '../../rdf/iri.js';
import { DEFAULT_BASE } from '../../rdf/namespaces.js';
import { BUNDLED } from '../../paths.js';

/** The evidence file of the build `file` belongs to, when it has one. */
async function evidenceBeside(file: string): Promise<string | undefined> {
  if (!basename(file).startsWith('graph.')) return undefined;
  const evidence = join(dirname(file), 'evidence.nt');
  return await stat(evidence).then((info) => info.isFile(), () => false) ? evidence : undefined;
}

interface ValidateArgs {
  file: string;
  shapes: string;
  base: string;
}

export function validateCommand(context: CliContext): CommandModule<object, ValidateArgs> {
  return {
    command: 'validate [file]',
    describe: 'Check a graph file against the SHACL shapes; exit 1 on any violation',
    builder: (yargs) =>
      yargs
        .positional('file', { type: 'string', default: 'out/graph.ttl', describe: `graph file (${GRAPH_EXTENSIONS.join(', ')})` })
        .option('shapes', { type: 'string', default: BUNDLED.shapes, defaultDescription: 'ontology/shapes.ttl', describe: 'SHACL shapes file (Turtle)' })
        .option('base', { type: 'string', default: DEFAULT_BASE, describe: 'base IRI the graph was built with (for short names in the report)' })
        .example('$0 validate', 'check out/graph.ttl, with the evidence in out/evidence.nt')
        .example('$0 validate out/graph.jsonld', 'check the JSON-LD export')
        .example('$0 validate out/graph.nt --shapes ontology/shapes.ttl', 'check against a shapes file') as never,
    handler: async (args) => {
      let quads;
      const evidence = await evidenceBeside(args.file);
      try {
        quads = [...await readGraphFile(args.file), ...(evidence === undefined ? [] : await readGraphFile(evidence))];
      } catch (error) {
        throw new UserError((error as Error).message);
      }
      const report = await validateQuads(quads, args.shapes);
      const checked = evidence === undefined ? args.file : `${args.file} with ${evidence}`;
      context.io.stdout(`${checked}: ${formatReport(report, graphPrefixes(normaliseBase(args.base)))}`);
      context.exitCode = report.conforms ? EXIT.ok : EXIT.failure;
    },
  };
}
