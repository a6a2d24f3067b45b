/** `peacegraph serve`: a local read-only SPARQL endpoint and the query page. */
import type { CommandModule } from 'yargs';
import { UserError, type CliContext } from '../context.js';
import { createServer } from '../../serve/server.js';
import { resolveGraphFile } from '../../query/rdf-files.js';
import { DEFAULT_BASE } from '../../rdf/namespaces.js';
import { corsOrigins, DEFAULT_CORS_ORIGINS } from '../../serve/cors.js';

interface ServeArgs {
  data: string;
  port: number;
  host: string;
  timeout: number;
  'max-rows': number;
  base: string;
  'cors-origin': string[];
}

export function serveCommand(context: CliContext): CommandModule<object, ServeArgs> {
  return {
    command: 'serve',
    describe: 'Serve the built graph as a read-only SPARQL endpoint (/sparql) with a query page (/)',
    builder: (yargs) =>
      yargs
        .option('data', { type: 'string', default: 'out', describe: 'built graph: an output folder or an RDF file' })
        .option('port', { type: 'number', default: 7878, describe: 'TCP port (0: any free port)' })
        .option('host', { type: 'string', default: '127.0.0.1', describe: 'address to listen on (loopback by default)' })
        .option('timeout', { type: 'number', default: 10000, describe: 'per-query timeout in milliseconds' })
        .option('max-rows', { type: 'number', default: 10000, describe: 'result-size cap; cut results say so in X-Peacegraph-Truncated' })
        .option('base', { type: 'string', default: DEFAULT_BASE, describe: 'base IRI of the graph (for Turtle prefixes)' })
        .option('cors-origin', { type: 'string', array: true, default: [...DEFAULT_CORS_ORIGINS], describe: 'origins whose pages may query the endpoint (CORS): * for any, an origin such as https://example.org (repeatable), none for CORS off' })
        .example('$0 serve', 'http://127.0.0.1:7878/ over out/')
        .example('curl -H "Accept: application/sparql-results+json" "http://127.0.0.1:7878/sparql?query=ASK%7B%7D"', 'a SPARQL client request') as never,
    handler: async (args) => {
      let origins: string[];
      try {
        origins = corsOrigins(args['cors-origin']);
      } catch (error) {
        throw new UserError(`--cors-origin: ${(error as Error).message}`);
      }
      const graph = await resolveGraphFile(args.data).catch((error: Error) => {
        throw new UserError(error.message);
      });
      const { app } = await createServer({
        graph, base: args.base, timeoutMs: args.timeout, maxRows: args['max-rows'], maxQueryBytes: 1024 * 1024, corsOrigins: origins,
      });
      const address = await app.listen({ port: args.port, host: args.host });
      context.io.stderr(`peacegraph: serving ${graph.path} at ${address}/ (SPARQL endpoint ${address}/sparql); Ctrl-C stops\n`);
      await new Promise<void>((resolve) => {
        const stop = () => void app.close().then(() => resolve());
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    },
  };
}
