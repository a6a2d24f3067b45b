/** `peacegraph serve`: a local read-only SPARQL endpoint and the query page. */
import type { CommandModule } from 'yargs';
import { UserError, type CliContext } from '../context.js';
import { createServer } from '../../serve/server.js';
import { graphFilePaths, resolveGraphFiles } from '../../query/rdf-files.js';
import { loadProgress } from '../progress.js';
import { DEFAULT_BASE } from '../../rdf/namespaces.js';

interface ServeArgs {
  data: string;
  port: number;
  host: string;
  timeout: number;
  'max-rows': number;
  base: string;
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
        .example('$0 serve', 'http://127.0.0.1:7878/ over out/')
        .example('curl -H "Accept: application/sparql-results+json" "http://127.0.0.1:7878/sparql?query=ASK%7B%7D"', 'a SPARQL client request') as never,
    handler: async (args) => {
      const graph = await resolveGraphFiles(args.data).catch((error: Error) => {
        throw new UserError(error.message);
      });
      const progress = loadProgress(true);
      const { app, engine } = await createServer({
        graph, base: args.base, timeoutMs: args.timeout, maxRows: args['max-rows'], maxQueryBytes: 1024 * 1024,
        onLoadProgress: ({ bytes, totalBytes }) => progress.update(bytes, totalBytes),
      });
      // The whole graph loads before the server listens: the first request is then as fast as the next.
      await engine.query('ASK {}', 'ASK').catch(async (error: Error) => {
        await app.close();
        throw new UserError(error.message);
      }).finally(progress.stop);
      const address = await app.listen({ port: args.port, host: args.host });
      context.io.stderr(`peacegraph: serving ${graphFilePaths(graph).join(' and ')} at ${address}/ (SPARQL endpoint ${address}/sparql); Ctrl-C stops\n`);
      await new Promise<void>((resolve) => {
        const stop = () => void app.close().then(() => resolve());
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    },
  };
}
