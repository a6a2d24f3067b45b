/**
 * A small in-memory Graph Store (node:http) for push tests: PUT, GET, DELETE by ?graph= on any
 * path, MOVE by SPARQL Update POSTed to any path; fails uploads on demand while `state.failing`.
 */
import { createServer, type Server } from 'node:http';

export function fakeStore() {
  const graphs = new Map<string, string>();
  const state = { failing: false };
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => { body += chunk.toString('utf8'); });
    request.on('end', () => {
      const url = new URL(request.url!, 'http://localhost');
      const graph = url.searchParams.get('graph') ?? '';
      if (request.method === 'POST') {
        const move = /MOVE GRAPH <([^>]+)> TO GRAPH <([^>]+)>/.exec(body);
        if (move) { graphs.set(move[2]!, graphs.get(move[1]!) ?? ''); graphs.delete(move[1]!); }
        response.writeHead(move ? 204 : 400).end();
      } else if (request.method === 'PUT') {
        // A store dying mid-upload: half the data lands, then the connection drops.
        if (state.failing) { graphs.set(graph, body.slice(0, body.length / 2)); request.socket.destroy(); return; }
        graphs.set(graph, body);
        response.writeHead(201).end();
      } else if (request.method === 'DELETE') {
        response.writeHead(graphs.delete(graph) ? 200 : 404).end();
      } else if (graphs.has(graph)) {
        response.writeHead(200, { 'content-type': 'application/n-triples' }).end(graphs.get(graph));
      } else {
        response.writeHead(404).end();
      }
    });
  });
  return { server, graphs, state };
}
