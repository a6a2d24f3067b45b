/**
 * The Host header checked against the address the server is bound to. A web page can make a
 * browser send requests to a local endpoint through a name it controls (DNS rebinding); such
 * requests carry that name as Host, so names other than the bound address are refused unless
 * listed. An IP-literal Host cannot be rebound, so a wildcard bind accepts any.
 */
import { isIP } from 'node:net';
import { hostname } from 'node:os';
import type { FastifyInstance } from 'fastify';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1']);
const WILDCARD = new Set(['0.0.0.0', '::', '']);

/** The name part of a Host header: lowercase, without port, brackets or a trailing dot. */
export function hostName(header: string): string {
  const trimmed = header.trim().toLowerCase();
  const name = trimmed.startsWith('[') ? trimmed.slice(1, trimmed.indexOf(']')) : trimmed.replace(/:\d*$/, '');
  return name.replace(/\.$/, '');
}

/** Whether a Host header may reach a server bound to `boundHost`; `*` among `allowed` accepts any. */
export function hostAllowed(header: string | undefined, boundHost: string, allowed: readonly string[]): boolean {
  if (allowed.includes('*')) return true;
  if (header === undefined || header.trim() === '') return false;
  const name = hostName(header);
  if (allowed.some((entry) => hostName(entry) === name)) return true;
  const bound = hostName(boundHost);
  if (WILDCARD.has(bound)) return isIP(name) !== 0 || name === 'localhost' || name === hostname().toLowerCase();
  if (LOOPBACK.has(bound) || bound.startsWith('127.')) return LOOPBACK.has(name) || (name.startsWith('127.') && isIP(name) === 4);
  return name === bound;
}

export function installHostCheck(app: FastifyInstance, boundHost: string, allowed: readonly string[]): void {
  app.addHook('onRequest', async (request, reply) => {
    const header = request.headers.host;
    if (hostAllowed(header, boundHost, allowed)) return;
    await reply.code(403).type('text/plain; charset=utf-8').send(
      `Host ${JSON.stringify(header ?? '')} refused: this server answers requests for ${boundHost}; ` +
      'start it with --allowed-host NAME to accept another name\n');
  });
}
