/** `peacegraph push`: the built graph to a triple store, one named graph per source report. */
import type { CommandModule } from 'yargs';
import { join } from 'node:path';
import { UserError, type CliContext } from '../context.js';
import { graphsFromTriG, pushAll, StoreError } from '../../store/push.js';

interface PushArgs {
  data: string;
  store: string;
  update?: string;
  'graph-base': string;
  user?: string;
  password?: string;
}

export const PASSWORD_VARIABLE = 'PEACEGRAPH_STORE_PASSWORD';

export function pushCommand(context: CliContext): CommandModule<object, PushArgs> {
  return {
    command: 'push',
    describe: 'Push the built graph to a triple store (SPARQL 1.1 Graph Store Protocol), one named graph per report',
    builder: (yargs) =>
      yargs
        .option('data', { type: 'string', default: 'out', describe: 'build output folder holding graph.trig' })
        .option('store', { type: 'string', demandOption: true, describe: 'Graph Store Protocol endpoint URL' })
        .option('update', { type: 'string', describe: 'SPARQL Update endpoint: enables staged, crash-safe replacement (MOVE)' })
        .option('graph-base', { type: 'string', demandOption: true, describe: 'IRI prefix of the target graphs (+ report id)' })
        .option('user', { type: 'string', describe: 'user name for HTTP Digest/Basic authentication' })
        .option('password', { type: 'string', describe: `password (better: the ${PASSWORD_VARIABLE} environment variable)` })
        .example('$0 push --store http://127.0.0.1:8890/sparql-graph-crud-auth --update http://127.0.0.1:8890/sparql-auth --graph-base https://example.org/graph/ --user dba', 'Virtuoso (password from PEACEGRAPH_STORE_PASSWORD)')
        .example('$0 push --store http://localhost:3030/ds/data --update http://localhost:3030/ds/update --graph-base https://example.org/graph/ --user admin', 'Apache Jena Fuseki')
        .example('$0 push --store http://localhost:7200/repositories/pg/rdf-graphs/service --update http://localhost:7200/repositories/pg/statements --graph-base https://example.org/graph/', 'GraphDB')
        .example('$0 push --store http://localhost:7878/store --update http://localhost:7878/update --graph-base https://example.org/graph/', 'Oxigraph server') as never,
    handler: async (args) => {
      const password = args.password ?? process.env[PASSWORD_VARIABLE];
      if (args.user !== undefined && password === undefined) {
        throw new UserError(`--user ${args.user} needs a password: --password or ${PASSWORD_VARIABLE}`);
      }
      const credentials = args.user !== undefined && password !== undefined ? { user: args.user, password } : undefined;
      try {
        const payloads = await graphsFromTriG(join(args.data, 'graph.trig'), args['graph-base']);
        if (args.update === undefined) {
          context.io.stderr('peacegraph: warning: no --update endpoint: graphs are replaced in place, which some stores do not do atomically\n');
        }
        const pushed = await pushAll({ gsp: args.store, update: args.update, credentials }, payloads);
        for (const { graph, triples } of pushed) context.io.stderr(`peacegraph: pushed ${triples} triples to <${graph}>\n`);
      } catch (error) {
        if (error instanceof StoreError || (error as NodeJS.ErrnoException).code === 'ENOENT') {
          throw new UserError(`push: ${(error as Error).message}`);
        }
        throw error;
      }
    },
  };
}
