/**
 * Preload (node --import) for the no-network test: every outbound connection, DNS lookup or fetch
 * to a host other than loopback is recorded in $PEACEGRAPH_NETWORK_LOG and then refused.
 */
import dns from 'node:dns';
import { appendFileSync } from 'node:fs';
import net from 'node:net';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

function refuse(target: string): never {
  const log = process.env.PEACEGRAPH_NETWORK_LOG;
  if (log !== undefined) appendFileSync(log, `${target}\n`);
  throw new Error(`network access refused (test without network): ${target}`);
}

function checkHost(host: string | undefined, what: string): void {
  if (host !== undefined && !LOOPBACK.has(host) && !host.startsWith('127.')) refuse(`${what} ${host}`);
}

type ConnectArgs = Parameters<net.Socket['connect']>;
const connect = net.Socket.prototype.connect as (...args: ConnectArgs) => net.Socket;
net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: ConnectArgs): net.Socket {
  const [first, second] = args as unknown[];
  const options = (typeof first === 'object' && first !== null ? first : {}) as { host?: string; path?: string };
  // Unix sockets (options.path, or a path string) stay local; a bare port means localhost.
  if (options.path === undefined && typeof first !== 'string') {
    checkHost(typeof first === 'number' ? (typeof second === 'string' ? second : 'localhost') : options.host ?? 'localhost', 'connect to');
  }
  return connect.apply(this, args);
} as typeof net.Socket.prototype.connect;

const lookup = dns.lookup;
dns.lookup = function guardedLookup(hostname: string, ...rest: unknown[]): void {
  checkHost(hostname, 'DNS lookup of');
  return (lookup as (...args: unknown[]) => void)(hostname, ...rest);
} as typeof dns.lookup;
const promisesLookup = dns.promises.lookup;
dns.promises.lookup = function guardedPromisesLookup(hostname: string, ...rest: unknown[]) {
  checkHost(hostname, 'DNS lookup of');
  return (promisesLookup as (...args: unknown[]) => ReturnType<typeof promisesLookup>)(hostname, ...rest);
} as typeof dns.promises.lookup;

const originalFetch = globalThis.fetch;
globalThis.fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  checkHost(url.hostname, 'fetch');
  return originalFetch(input, init);
};
