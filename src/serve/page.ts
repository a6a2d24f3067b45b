/**
 * The query page: its own files from web/, the YASGUI editor (Yasqe) and result viewer (Yasr) from
 * their npm packages (no CDN: the page works offline), the graph's prefixes for the editor, and
 * bundled queries with their parameters bound the way `peacegraph query --param` binds them.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { extname, join } from 'node:path';
import { listBundledQueries, parameterTerms } from '../query/bundled.js';
import { bindParameters, parseQuery } from '../query/sparql.js';
import { BUNDLED, PROJECT_ROOT } from '../paths.js';

/**
 * What the page needs from a Content-Security-Policy: scripts, styles and data from its own origin
 * only. Yasr draws its icons as data: images; nothing is loaded from elsewhere.
 */
export const PAGE_CSP = [
  "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "font-src 'self'",
  "connect-src 'self'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'",
].join('; ');

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
};

/** The YASGUI builds served under /vendor/. */
const VENDOR = ['@zazuko/yasqe/build/yasqe.min.js', '@zazuko/yasqe/build/yasqe.min.css', '@zazuko/yasr/build/yasr.min.js', '@zazuko/yasr/build/yasr.min.css'];

function sendText(reply: FastifyReply, type: string, body: string): FastifyReply {
  return reply.type(type).header('Cache-Control', 'no-cache').send(body);
}

export async function registerPage(app: FastifyInstance, prefixes: Readonly<Record<string, string>>): Promise<void> {
  const web = join(PROJECT_ROOT, 'web');
  for (const file of (await readdir(web)).filter((name) => TYPES[extname(name)] !== undefined)) {
    const body = await readFile(join(web, file), 'utf8');
    const type = TYPES[extname(file)]!;
    app.get(file === 'index.html' ? '/' : `/${file}`, async (_request, reply) => {
      if (file === 'index.html') reply.header('Content-Security-Policy', PAGE_CSP);
      return sendText(reply, type, body);
    });
  }
  const require = createRequire(import.meta.url);
  for (const path of VENDOR) {
    const body = await readFile(require.resolve(path), 'utf8');
    const name = path.split('/').pop()!;
    app.get(`/vendor/${name}`, async (_request, reply) => sendText(reply, TYPES[extname(name)]!, body));
  }
  app.get('/prefixes', async () => prefixes);
  app.get('/queries/:name', async (request, reply) => {
    const { name } = request.params as { name: string };
    const query = (await listBundledQueries(BUNDLED.queries)).find((candidate) => candidate.name === name);
    if (query === undefined) return reply.code(404).type('text/plain; charset=utf-8').send(`No bundled query ${name}.\n`);
    // Empty fields leave their parameter unset: the query then answers for every value.
    const pairs = Object.entries(request.query as Record<string, unknown>)
      .filter(([, value]) => typeof value === 'string' && value !== '')
      .map(([parameter, value]) => `${parameter}=${String(value)}`);
    try {
      const text = bindParameters(parseQuery(query.text), parameterTerms(query, pairs));
      return await sendText(reply, 'application/sparql-query; charset=utf-8', text);
    } catch (error) {
      return reply.code(400).type('text/plain; charset=utf-8').send(`${(error as Error).message}\n`);
    }
  });
}
