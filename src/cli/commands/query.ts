/** `peacegraph query`: SPARQL over the built graph, other sources, or a remote endpoint. */
import type { CommandModule } from 'yargs';
import { UserError, type CliContext } from '../context.js';
import { BUNDLED } from '../../paths.js';
import { resolveQuery } from '../../query/resolve.js';
import { parameterTerms } from '../../query/bundled.js';
import { runQuery, type QueryTarget } from '../../query/run.js';
import { LocalEngine } from '../../query/local.js';
import type { FederatedSource } from '../../query/federated.js';
import { federatedModule } from '../../query/other-targets.js';
import { resolveGraphFiles, type EvidenceChoice } from '../../query/rdf-files.js';
import { readsEvidence, treeScope } from '../../query/graph-scope.js';
import { checkLimits, pageWindow, parseQuery, type PageWindow, type ParsedQuery } from '../../query/sparql.js';
import { loadProgress } from '../progress.js';
import { formatResult, GRAPH_FORMATS, RESULT_FORMATS, type OutputFormat } from '../../query/format.js';
import { isTableFormat } from '../../query/table-text.js';
import { graphPrefixes } from '../../rdf-io/prefixes.js';
import { loadContext } from '../../rdf-io/jsonld.js';
import { DEFAULT_BASE } from '../../rdf/namespaces.js';

const DEFAULT_PAGE_SIZE = 100;

/** `--page` and `--page-size`: the page's number and rows, or none without `--page`. */
function requestedPage(args: QueryArgs): { number: number; window: PageWindow } | undefined {
  if (args.page === undefined) return undefined;
  for (const [name, value] of [['page', args.page], ['page-size', args['page-size']]] as const) {
    if (!Number.isInteger(value) || value < 1) throw new UserError(`--${name} must be a whole number of at least 1, not ${value}`);
  }
  const window = pageWindow(args.page, args['page-size']);
  if (typeof window === 'string') throw new UserError(`--page: ${window}`);
  return { number: args.page, window };
}

interface QueryArgs {
  query: string;
  data: string;
  format?: OutputFormat;
  param: string[];
  source: string[];
  endpoint?: string;
  timeout?: number;
  page?: number;
  'page-size': number;
  'allow-remote': boolean;
  'with-evidence': boolean;
  base: string;
}

/** The query read once, for what the command decides before it runs; undefined when it does not parse (the engine then reports what is wrong). */
function readQuery(text: string): ParsedQuery | undefined {
  try {
    checkLimits(text);
    return parseQuery(text);
  } catch {
    return undefined;
  }
}

/**
 * The evidence files load when asked, and for a query that names evidence terms when the build has
 * them: one query answers rightly without the flag. A query that does not parse leaves them out.
 */
function evidenceChoice(args: QueryArgs, query: ParsedQuery | undefined): EvidenceChoice {
  if (args['with-evidence']) return 'load';
  return query !== undefined && readsEvidence(treeScope(query.tree)) ? 'load-if-built' : 'leave';
}

/**
 * The format asked for, or the default: Turtle for a graph (CONSTRUCT, DESCRIBE), else a table on a
 * terminal and CSV otherwise. Known before the query runs, so that the worker can write the table.
 */
function outputFormat(args: QueryArgs, query: ParsedQuery | undefined, terminal: boolean): OutputFormat {
  if (args.format !== undefined) return args.format;
  if (query?.form === 'CONSTRUCT' || query?.form === 'DESCRIBE') return 'turtle';
  return terminal ? 'table' : 'csv';
}

async function target(args: QueryArgs, query: ParsedQuery | undefined): Promise<{ target: QueryTarget; close: () => Promise<void> }> {
  const evidence = evidenceChoice(args, query);
  if (args.endpoint === undefined && args.source.length === 0) {
    // One query: the engine loads only the triples it reads, with a bar on a terminal meanwhile.
    const progress = loadProgress(true);
    const engine = new LocalEngine(await resolveGraphFiles(args.data, evidence), { onProgress: ({ bytes, totalBytes }) => progress.update(bytes, totalBytes) });
    return { target: { kind: 'local', engine }, close: () => engine.close().finally(progress.stop) };
  }
  if (args.endpoint !== undefined && args.source.length === 0) {
    return { target: { kind: 'endpoint', url: args.endpoint }, close: async () => undefined };
  }
  const { graphSources, sourceFor } = federatedModule();
  const sources: FederatedSource[] = [];
  if (args.endpoint !== undefined) {
    sources.push({ kind: 'endpoint', url: args.endpoint });
  } else {
    sources.push(...await graphSources(await resolveGraphFiles(args.data, evidence)));
  }
  for (const location of args.source) sources.push(await sourceFor(location));
  return { target: { kind: 'federated', sources }, close: async () => undefined };
}

export function queryCommand(context: CliContext): CommandModule<object, QueryArgs> {
  return {
    command: 'query <query>',
    describe: 'Run a SPARQL query: a .rq file, a bundled query name, or the query text',
    builder: (yargs) =>
      yargs
        .positional('query', { type: 'string', demandOption: true, describe: 'a .rq file, a bundled query name (peacegraph queries), or SPARQL text' })
        .option('data', { type: 'string', default: 'out', describe: 'built graph: an output folder or an RDF file' })
        .option('format', { type: 'string', choices: [...RESULT_FORMATS, ...GRAPH_FORMATS], describe: 'output format (default: table on a terminal, csv otherwise; turtle for graphs)' })
        .option('param', { type: 'string', array: true, default: [], describe: 'bind a query parameter, NAME=VALUE (repeatable)' })
        .option('source', { type: 'string', array: true, default: [], describe: 'also query this RDF file, URL or SPARQL endpoint (repeatable)' })
        .option('endpoint', { type: 'string', describe: 'query this remote SPARQL endpoint instead of the local graph' })
        .option('timeout', { type: 'number', describe: 'give up after this many milliseconds' })
        .option('page', { type: 'number', describe: 'print only this page of a SELECT\'s rows (from 1), in the query\'s ORDER BY' })
        .option('page-size', { type: 'number', default: DEFAULT_PAGE_SIZE, describe: 'rows in a page, with --page' })
        .option('allow-remote', { type: 'boolean', default: false, describe: 'with --source: let SERVICE and FROM in the query reach addresses not named by --source or --endpoint' })
        .option('with-evidence', { type: 'boolean', default: false, describe: 'also load the evidence files (evidence.nt, evidence.nq); a query naming evidence terms loads them anyway' })
        .option('base', { type: 'string', default: DEFAULT_BASE, describe: 'base IRI of the graph (for Turtle prefixes)' })
        .example('$0 query people-by-organisation --param org=UNITAR', 'a bundled query with a parameter')
        .example('$0 query queries/sessions-by-theme.rq --format csv', 'a query file, as CSV')
        .example('$0 query sessions-by-theme --page 2 --page-size 50', 'rows 51 to 100 of a long listing')
        .example('$0 query "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"', 'a query string')
        .example('$0 query queries/federation/organisations-with-external-facts.rq --source data/example/organisation-facts.ttl', 'join with another dataset')
        .example('$0 query "SELECT ?name WHERE { ?person a <http://schema.org/Person> ; <http://schema.org/name> ?name }" --data out/event-geneva-peace-week-2017.jsonld', 'query the schema.org JSON-LD of an event page')
        .example('$0 query who-moderated-what --endpoint http://127.0.0.1:8890/sparql', 'run against a triple store') as never,
    handler: async (args) => {
      const page = requestedPage(args);
      let resolved;
      let bindings;
      try {
        resolved = await resolveQuery(args.query, BUNDLED.queries);
        bindings = parameterTerms(resolved.bundled, args.param);
      } catch (error) {
        throw new UserError((error as Error).message);
      }
      const parsed = readQuery(resolved.text);
      const { target: queryTarget, close } = await target(args, parsed).catch((error: Error) => {
        throw new UserError(error.message);
      });
      try {
        const format = outputFormat(args, parsed, context.io.isTTY);
        const answer = await runQuery(resolved.text, queryTarget, {
          bindings, timeoutMs: args.timeout, allowRemote: args['allow-remote'], page: page?.window, write: isTableFormat(format) ? format : undefined,
        });
        const { query, truncated } = answer;
        context.io.stdout('written' in answer ? answer.written.text
          : await formatResult(answer.result, format, { prefixes: graphPrefixes(args.base), context: await loadContext(BUNDLED.context) }));
        if (page !== undefined && query.form === 'SELECT') {
          const rows = 'written' in answer ? answer.written.rows : answer.result.kind === 'bindings' ? answer.result.rows.length : 0;
          const shown = rows === 0 ? 'no rows' : `rows ${page.window.offset + 1} to ${page.window.offset + rows}`;
          context.io.stderr(`peacegraph: page ${page.number} (${shown}); ${truncated ? `more follow: --page ${page.number + 1}` : 'the last page'}\n`);
        }
      } catch (error) {
        throw new UserError((error as Error).message);
      } finally {
        await close();
      }
    },
  };
}
