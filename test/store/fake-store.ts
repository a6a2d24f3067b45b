/**
 * A small in-memory Graph Store (node:http) for push tests: graphs as N-Triples text; PUT, GET,
 * DELETE by ?graph=, MOVE by SPARQL Update POSTed to any path; fails uploads or loses moves on demand, and with
 * `digest: true` checks every HTTP Digest answer against RFC 7616 itself.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const md5 = (text: string): string => createHash('md5').update(text).digest('hex');
export const USER = 'dba';
export const PASSWORD = 'secret-of-the-store';
/** The server's nonce for an endpoint (one per path, as each endpoint is its own protection space). */
const nonceOf = (request: IncomingMessage): string => md5(new URL(request.url!, 'http://localhost').pathname).slice(0, 16);

/** Whether a Digest Authorization header answers the endpoint's nonce for this request, with a fresh nc. */
function digestValid(request: IncomingMessage, seen: Set<string>): boolean {
  const header = request.headers.authorization ?? '';
  const field = (name: string) => new RegExp(`${name}="?([^",]+)"?`).exec(header)?.[1];
  const [nonce, nc, cnonce, uri, response] = [field('nonce'), field('nc'), field('cnonce'), field('uri'), field('response')];
  if (nonce !== nonceOf(request) || nc === undefined || seen.has(`${nonce} ${nc}`) || uri !== request.url) return false;
  seen.add(`${nonce} ${nc}`);
  const expected = md5(`${md5(`${USER}:SPARQL:${PASSWORD}`)}:${nonce}:${nc}:${cnonce}:auth:${md5(`${request.method}:${uri}`)}`);
  return response === expected;
}

/** Graphs as N-Triples text; PUT, GET, DELETE by ?graph=, MOVE on /update. */
export function fakeStore(options: { digest?: boolean } = {}) {
  const graphs = new Map<string, string>();
  const state = { failingUploads: false, losingMoves: false };
  const log: Array<{ method: string; graph: string; body: number; authorised: boolean }> = [];
  const seen = new Set<string>();
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => { body += chunk.toString('utf8'); });
    request.on('end', () => {
      const url = new URL(request.url!, 'http://localhost');
      const graph = url.searchParams.get('graph') ?? '';
      const authorised = !options.digest || digestValid(request, seen);
      log.push({ method: request.method!, graph, body: body.length, authorised });
      if (!authorised) {
        response.writeHead(401, { 'www-authenticate': `Digest realm="SPARQL", nonce="${nonceOf(request)}", qop="auth", algorithm="MD5"` }).end();
        return;
      }
      // SPARQL Update arrives by POST, on whatever path the push names as its update endpoint.
      if (request.method === 'POST') {
        const move = /^MOVE GRAPH <([^>]+)> TO GRAPH <([^>]+)>$/.exec(body);
        if (move && !state.losingMoves) graphs.set(move[2]!, graphs.get(move[1]!) ?? '');
        // A store that crashed after acknowledging: the target holds a third of the new triples.
        if (move && state.losingMoves) graphs.set(move[2]!, graphs.get(move[1]!)!.split('\n').slice(0, 2).join('\n'));
        if (move) graphs.delete(move[1]!);
        response.writeHead(move ? 204 : 400).end();
      } else if (request.method === 'PUT') {
        // A store dying mid-upload: half the data lands, then the connection drops.
        if (state.failingUploads) { graphs.set(graph, body.slice(0, body.length / 2)); request.socket.destroy(); return; }
        graphs.set(graph, body);
        response.writeHead(201).end();
      } else if (request.method === 'DELETE') {
        response.writeHead(graphs.delete(graph) ? 200 : 404).end();
      } else if (graphs.has(graph)) {
        response.writeHead(200, { 'content-type': 'application/n-triples' }).end(request.method === 'HEAD' ? undefined : graphs.get(graph));
      } else {
        response.writeHead(404).end();
      }
    });
  });
  return { server, graphs, state, log };
}

export async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

