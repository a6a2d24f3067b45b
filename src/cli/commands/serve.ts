/** `peacegraph serve`: a local read-only SPARQL endpoint and the query page. */
import type { CommandModule } from 'yargs';
import { UserError, type CliContext } from '../context.js';
import { createServer, DEFAULT_HOST, SERVE_DEFAULTS } from '../../serve/server.js';
import { defaultWorkerCount } from '../../query/local.js';
import { DEFAULT_LIMITS } from '../../query/sparql.js';
import { graphFilePaths, resolveGraphFiles } from '../../query/rdf-files.js';
import { loadProgress } from '../progress.js';
import { DEFAULT_BASE } from '../../rdf/namespaces.js';
import { corsOrigins, DEFAULT_CORS_ORIGINS } from '../../serve/cors.js';

interface ServeArgs {
  data: string;
  port: number;
  host: string;
  'allowed-host': string[];
  timeout: number;
  'max-rows': number;
  'max-query-bytes': number;
  'max-depth': number;
  workers: number;
  'max-query-memory': number;
  'long-query-ms': number;
  base: string;
  'cors-origin': string[];
  'with-evidence': boolean;
  'page-cache-rows': number;
  'inline-ms': number;
}

function positive(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) throw new UserError(`--${name} must be a whole number of at least 1, not ${value}`);
  return value;
}

function nonNegative(name: string, value: number): number {
  return value === 0 ? 0 : positive(name, value);
}

export function serveCommand(context: CliContext): CommandModule<object, ServeArgs> {
  return {
    command: 'serve',
    describe: 'Serve the built graph as a read-only SPARQL endpoint (/sparql) with a query page (/)',
    builder: (yargs) =>
      yargs
        .option('data', { type: 'string', default: 'out', describe: 'built graph: an output folder or an RDF file' })
        .option('port', { type: 'number', default: 7878, describe: 'TCP port (0: any free port)' })
        .option('host', { type: 'string', default: DEFAULT_HOST, describe: 'address to listen on (loopback by default)' })
        .option('allowed-host', { type: 'string', array: true, default: [], describe: 'also accept requests whose Host header names this (repeatable; * accepts any)' })
        .option('timeout', { type: 'number', default: 10000, describe: 'per-query run time in milliseconds; also the longest wait for a free worker' })
        .option('max-rows', { type: 'number', default: 10000, describe: 'result-size cap, written into the query as a LIMIT; cut results say so in X-Peacegraph-Truncated' })
        .option('max-query-bytes', { type: 'number', default: DEFAULT_LIMITS.maxBytes, describe: 'largest accepted query, in bytes (413 beyond)' })
        .option('max-depth', { type: 'number', default: DEFAULT_LIMITS.maxDepth, describe: 'deepest nesting of { }, ( ) and [ ] in a query' })
        .option('workers', { type: 'number', default: defaultWorkerCount(), describe: 'query workers, each with its own copy of the graph in memory' })
        .option('max-query-memory', { type: 'number', default: SERVE_DEFAULTS.maxQueryMemoryMb, describe: 'MB a worker may grow by during queries before it is replaced' })
        .option('long-query-ms', { type: 'number', default: SERVE_DEFAULTS.longQueryMs, describe: 'long queries may hold all workers but one; past this age one more is stopped (503)' })
        .option('page-cache-rows', { type: 'number', default: SERVE_DEFAULTS.pageCacheRows, describe: 'rows of ordered answers kept whole so that their pages are slices (the bundled listings are computed at start, in the background); 0: every page runs its query' })
        .option('inline-ms', { type: 'number', default: SERVE_DEFAULTS.inlineMs, describe: 'a query a worker answered from the facts within this many ms is answered on the server\'s own thread when asked again, from one more copy of the facts (not the named graphs) loaded there; 0: every query goes to a worker' })
        .option('base', { type: 'string', default: DEFAULT_BASE, describe: 'base IRI of the graph (for Turtle prefixes)' })
        .option('with-evidence', { type: 'boolean', default: false, describe: 'also load the evidence files (evidence.nt, evidence.nq): the text span behind each fact, several times the facts in memory' })
        .option('cors-origin', { type: 'string', array: true, default: [...DEFAULT_CORS_ORIGINS], describe: 'origins whose pages may query the endpoint (CORS): * for any, an origin such as https://example.org (repeatable), none for CORS off' })
        .example('$0 serve', 'http://127.0.0.1:7878/ over out/')
        .example('$0 serve --host 0.0.0.0 --allowed-host graph.example.org', 'on every interface, also under a DNS name')
        .example('$0 serve --with-evidence', 'the facts and the text span behind each (queries/affiliation-evidence.rq)')
        .example('curl -H "Accept: application/sparql-results+json" "http://127.0.0.1:7878/sparql?query=ASK%7B%7D"', 'a SPARQL client request') as never,
    handler: async (args) => {
      let origins: string[];
      try {
        origins = corsOrigins(args['cors-origin']);
      } catch (error) {
        throw new UserError(`--cors-origin: ${(error as Error).message}`);
      }
      const graph = await resolveGraphFiles(args.data, args['with-evidence'] ? 'load' : 'leave').catch((error: Error) => {
        throw new UserError(error.message);
      });
      // Every worker loads the whole graph before the server listens.
      const progress = loadProgress(true);
      const { app, listingsKept } = await createServer({
        graph, base: args.base, host: args.host, allowedHosts: args['allowed-host'],
        timeoutMs: positive('timeout', args.timeout), maxRows: positive('max-rows', args['max-rows']),
        maxQueryBytes: positive('max-query-bytes', args['max-query-bytes']), maxDepth: positive('max-depth', args['max-depth']),
        workers: positive('workers', args.workers), maxQueryMemoryMb: positive('max-query-memory', args['max-query-memory']),
        longQueryMs: positive('long-query-ms', args['long-query-ms']), corsOrigins: origins,
        pageCacheRows: nonNegative('page-cache-rows', args['page-cache-rows']), inlineMs: nonNegative('inline-ms', args['inline-ms']),
        onLoadProgress: ({ bytes, totalBytes }) => progress.update(bytes, totalBytes),
      }).catch((error: Error) => {
        throw new UserError(error.message);
      }).finally(progress.stop);
      const loadedAt = performance.now();
      const address = await app.listen({ port: args.port, host: args.host }).catch(async (error: Error) => {
        await app.close();
        throw new UserError(`cannot listen on ${args.host}:${args.port}: ${error.message}`);
      });
      context.io.stderr(`peacegraph: serving ${graphFilePaths(graph).join(', ')} at ${address}/ (SPARQL endpoint ${address}/sparql) with ${args.workers} query workers; Ctrl-C stops\n`);
      if (graph.evidenceLeftOut) context.io.stderr('peacegraph: the evidence files are not loaded: queries that read evidence are refused (serve --with-evidence loads them)\n');
      // Until then a listing's first page is computed on request; say when they are slices.
      void listingsKept.then((answered) => {
        if (answered > 0) context.io.stderr(`peacegraph: ${answered} bundled listings kept whole for paging, ${((performance.now() - loadedAt) / 1000).toFixed(1)} s after loading: their pages are now slices\n`);
      });
      await new Promise<void>((resolve) => {
        const stop = () => void app.close().then(() => resolve());
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    },
  };
}
