/** `peacegraph push`: the built graph to a triple store, one named graph per source report. */
import type { CommandModule } from 'yargs';
import { join } from 'node:path';
import { stat } from 'node:fs/promises';
import { UserError, type CliContext } from '../context.js';
import { PASSWORD_SOURCES, storePassword } from '../password.js';
import { checkGraphBase, graphsFromTriG, pushAll, statisticsGraph, StoreError, type GraphOutcome } from '../../store/push.js';
import { STATISTICS_FILE } from '../../query/rdf-files.js';

interface PushArgs {
  data: string;
  store: string;
  update?: string;
  'graph-base': string;
  user?: string;
  'password-file'?: string;
  password?: string;
  verify: boolean;
  'virtuoso-checkpoint': boolean;
  evidence: boolean;
}

const isFile = (path: string): Promise<boolean> => stat(path).then((info) => info.isFile(), () => false);

/** graph.trig, and evidence.trig unless left out or not built (a build with --no-evidence has none). */
async function trigFiles(data: string, evidence: boolean, io: CliContext['io']): Promise<string[]> {
  const facts = join(data, 'graph.trig');
  const provenance = join(data, 'evidence.trig');
  if (!evidence || !await isFile(facts)) return [facts];
  if (await isFile(provenance)) return [facts, provenance];
  io.stderr(`peacegraph: note: no ${provenance} (built with --no-evidence): the facts alone are pushed\n`);
  return [facts];
}

function outcomeLine(outcome: GraphOutcome): string | undefined {
  switch (outcome.status) {
    case 'replaced':
      return `peacegraph: replaced <${outcome.graph}> (${outcome.digest.triples} triples)\n`;
    case 'differs':
      return `peacegraph: differs <${outcome.graph}>: the store holds ${outcome.held.triples} triples, the build ${outcome.digest.triples}${outcome.held.triples === outcome.digest.triples ? ' (other content)' : ''}\n`;
    case 'failed':
      // Untried graphs (the store went away) are counted in the summary, not listed one by one.
      return outcome.tried ? `peacegraph: error: <${outcome.graph}>: ${outcome.problem}\n` : undefined;
    default:
      return undefined;
  }
}

export function pushCommand(context: CliContext): CommandModule<object, PushArgs> {
  return {
    command: 'push',
    describe: 'Push the built graph, facts and evidence, to a triple store (SPARQL 1.1 Graph Store Protocol), one named graph per report and one of statistics; only graphs that differ are sent',
    builder: (yargs) =>
      yargs
        .option('data', { type: 'string', default: 'out', describe: 'build output folder holding graph.trig (and evidence.trig)' })
        .option('evidence', { type: 'boolean', default: true, describe: 'push the evidence (evidence.trig) with the facts, into the same graphs: the with-evidence archive (--no-evidence: the facts alone)' })
        .option('store', { type: 'string', demandOption: true, describe: 'Graph Store Protocol endpoint URL' })
        .option('update', { type: 'string', describe: 'SPARQL Update endpoint: enables staged, crash-safe replacement (MOVE)' })
        .option('graph-base', { type: 'string', demandOption: true, describe: 'absolute IRI prefix of the target graphs (+ report id)' })
        .option('user', { type: 'string', describe: 'user name for HTTP Digest/Basic authentication' })
        .option('password-file', { type: 'string', describe: 'file whose first line is the password (else PEACEGRAPH_STORE_PASSWORD, else a prompt)' })
        .option('password', { type: 'string', hidden: true })
        .option('virtuoso-checkpoint', { type: 'boolean', default: false, describe: 'Virtuoso: checkpoint after replacing graphs, so they survive a crash of the store (needs dba)' })
        .option('verify', { type: 'boolean', default: false, describe: 'only compare each target graph with the build (count and content hash): list those that differ, send nothing' })
        .example('$0 push --store http://127.0.0.1:8890/sparql-graph-crud-auth --update http://127.0.0.1:8890/sparql-auth --graph-base https://example.org/graph/ --user dba', 'Virtuoso (password from PEACEGRAPH_STORE_PASSWORD)')
        .example('$0 push --store http://localhost:3030/ds/data --update http://localhost:3030/ds/update --graph-base https://example.org/graph/ --user admin --password-file store-password.txt', 'Apache Jena Fuseki (the password in a file, not on the command line)')
        .example('$0 push --store http://localhost:7200/repositories/pg/rdf-graphs/service --update http://localhost:7200/repositories/pg/statements --graph-base https://example.org/graph/', 'GraphDB')
        .example('$0 push --store http://localhost:7878/store --update http://localhost:7878/update --graph-base https://example.org/graph/ --verify', 'Oxigraph server: check that it holds the build') as never,
    handler: async (args) => {
      if (args.password !== undefined) {
        throw new UserError(`--password is not accepted: a password on the command line shows in \`ps\` and the shell history; use ${PASSWORD_SOURCES}`);
      }
      const credentials = args.user !== undefined ? { user: args.user, password: await storePassword(args.user, args['password-file'], context.io.isTTY) } : undefined;
      const { io } = context;
      let outcomes: GraphOutcome[];
      try {
        // The base first: a wrong one is the error, whatever the folder holds.
        checkGraphBase(args['graph-base']);
        const payloads = [
          ...await graphsFromTriG(await trigFiles(args.data, args.evidence, io), args['graph-base']),
          ...await statisticsGraph(join(args.data, STATISTICS_FILE), args['graph-base']),
        ];
        if (args.update === undefined && !args.verify) {
          io.stderr('peacegraph: warning: no --update endpoint: graphs are replaced in place, which some stores do not do atomically\n');
        }
        outcomes = await pushAll({ gsp: args.store, update: args.update, credentials }, payloads, {
          verifyOnly: args.verify,
          virtuosoCheckpoint: args['virtuoso-checkpoint'],
          onGraph: (outcome) => {
            const line = outcomeLine(outcome);
            if (line !== undefined) io.stderr(line);
          },
        });
      } catch (error) {
        if (error instanceof StoreError || (error as NodeJS.ErrnoException).code === 'ENOENT') {
          throw new UserError(`push: ${(error as Error).message}`);
        }
        throw error;
      }
      const count = (status: GraphOutcome['status']): number => outcomes.filter((outcome) => outcome.status === status).length;
      const untried = outcomes.filter((outcome) => outcome.status === 'failed' && !outcome.tried).length;
      if (args.verify) {
        io.stderr(`peacegraph: verify: ${count('unchanged')} equal, ${count('differs')} differ, ${count('failed')} failed${untried > 0 ? ` (${untried} not tried: the store could not be reached)` : ''}\n`);
        if (count('differs') + count('failed') > 0) throw new UserError(`push --verify: ${count('differs') + count('failed')} graph(s) do not hold the build: run push to repair them`);
        return;
      }
      io.stderr(`peacegraph: push: ${count('replaced')} replaced, ${count('unchanged')} unchanged, ${count('failed')} failed${untried > 0 ? ` (${untried} not tried: the store could not be reached)` : ''}\n`);
      if (count('failed') > 0) throw new UserError(`push: ${count('failed')} graph(s) were not replaced: run push again to repair them (graphs already equal are not sent again)`);
    },
  };
}
