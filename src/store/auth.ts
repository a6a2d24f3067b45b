/**
 * HTTP authentication for triple stores: Digest (RFC 7616, MD5 with qop=auth, as Virtuoso's
 * /sparql-auth and /sparql-graph-crud-auth ask) and Basic (Fuseki, GraphDB). The password is
 * never put into an error message.
 */
import { createHash, randomBytes } from 'node:crypto';

export interface Credentials {
  readonly user: string;
  readonly password: string;
}

export interface DigestChallenge {
  readonly realm: string;
  readonly nonce: string;
  readonly qop?: string;
  readonly opaque?: string;
  readonly algorithm?: string;
}

/** The parameters of a `WWW-Authenticate: Digest ...` header, or undefined for another scheme. */
export function parseDigestChallenge(header: string): DigestChallenge | undefined {
  const match = /^\s*Digest\s+(.*)$/i.exec(header);
  if (!match) return undefined;
  const fields = new Map<string, string>();
  for (const [, key, quoted, bare] of match[1]!.matchAll(/([a-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))/gi)) {
    fields.set(key!.toLowerCase(), quoted ?? bare ?? '');
  }
  const realm = fields.get('realm');
  const nonce = fields.get('nonce');
  if (realm === undefined || nonce === undefined) return undefined;
  return { realm, nonce, qop: fields.get('qop'), opaque: fields.get('opaque'), algorithm: fields.get('algorithm') };
}

const md5 = (text: string): string => createHash('md5').update(text).digest('hex');

/** The Authorization header answering a Digest challenge for one request. */
export function digestAuthorization(
  challenge: DigestChallenge,
  credentials: Credentials,
  method: string,
  uri: string,
  counter = 1,
  clientNonce = randomBytes(8).toString('hex'),
): string {
  if (challenge.algorithm !== undefined && challenge.algorithm.toUpperCase() !== 'MD5') {
    throw new Error(`digest algorithm ${challenge.algorithm} is not supported (MD5 only)`);
  }
  const nc = counter.toString(16).padStart(8, '0');
  const ha1 = md5(`${credentials.user}:${challenge.realm}:${credentials.password}`);
  const ha2 = md5(`${method}:${uri}`);
  const qop = challenge.qop?.split(',').map((value) => value.trim()).includes('auth') ? 'auth' : undefined;
  const response = qop ? md5(`${ha1}:${challenge.nonce}:${nc}:${clientNonce}:${qop}:${ha2}`) : md5(`${ha1}:${challenge.nonce}:${ha2}`);
  const parts = [
    `username="${credentials.user}"`, `realm="${challenge.realm}"`, `nonce="${challenge.nonce}"`, `uri="${uri}"`,
    ...(qop ? [`qop=${qop}`, `nc=${nc}`, `cnonce="${clientNonce}"`] : []),
    `response="${response}"`, ...(challenge.opaque !== undefined ? [`opaque="${challenge.opaque}"`] : []), 'algorithm=MD5',
  ];
  return `Digest ${parts.join(', ')}`;
}

export function basicAuthorization(credentials: Credentials): string {
  return `Basic ${Buffer.from(`${credentials.user}:${credentials.password}`).toString('base64')}`;
}

type Scheme = { readonly kind: 'digest'; readonly challenge: DigestChallenge; counter: number } | { readonly kind: 'basic' };

/** The scheme a `WWW-Authenticate` header asks for, or undefined for one not supported. */
function schemeOf(header: string): Scheme | undefined {
  const digest = parseDigestChallenge(header);
  if (digest) return { kind: 'digest', challenge: digest, counter: 0 };
  return /^\s*Basic\b/i.test(header) ? { kind: 'basic' } : undefined;
}

/**
 * HTTP with credentials that learns each endpoint's challenge once and answers it up front on every
 * later request (a Digest nonce is reused with its count incremented, RFC 7616 3.4), so a graph's
 * body goes over the wire once, not once unauthenticated to get a 401 and again with credentials.
 * Before the first request with a body to an endpoint, a HEAD asks for the challenge. A 401 to an
 * answered request (the server let the nonce expire) is retried once with the new challenge.
 */
export class AuthSession {
  /** Per endpoint (origin and path): a Digest nonce is only good for the protection space that gave it. */
  private readonly schemes = new Map<string, Scheme>();

  constructor(private readonly credentials?: Credentials, private readonly send: typeof fetch = fetch) {}

  private authorization(scheme: Scheme, method: string, url: URL): string {
    if (scheme.kind === 'basic') return basicAuthorization(this.credentials!);
    scheme.counter += 1;
    return digestAuthorization(scheme.challenge, this.credentials!, method, `${url.pathname}${url.search}`, scheme.counter);
  }

  private attempt(url: URL, init: RequestInit, scheme: Scheme | undefined): Promise<Response> {
    if (scheme === undefined) return this.send(url.href, init);
    const authorization = this.authorization(scheme, (init.method ?? 'GET').toUpperCase(), url);
    return this.send(url.href, { ...init, headers: { ...(init.headers as Record<string, string> | undefined), authorization } });
  }

  /** Learns the scheme from a 401 (consuming its body); false when there is none to answer. */
  private async learn(key: string, response: Response): Promise<boolean> {
    await response.arrayBuffer();
    const scheme = schemeOf(response.headers.get('www-authenticate') ?? '');
    if (scheme === undefined) return false;
    this.schemes.set(key, scheme);
    return true;
  }

  async fetch(address: string, init: RequestInit & { body?: string | Buffer } = {}): Promise<Response> {
    if (this.credentials === undefined) return this.send(address, init);
    const url = new URL(address);
    const key = `${url.origin}${url.pathname}`;
    if (!this.schemes.has(key) && init.body !== undefined) {
      const probe = await this.send(url.href, { method: 'HEAD' });
      if (probe.status === 401) await this.learn(key, probe);
      else await probe.arrayBuffer();
    }
    const known = this.schemes.get(key);
    const first = await this.attempt(url, init, known);
    if (first.status !== 401) return first;
    const refused = new Response(null, { status: 401, statusText: first.statusText });
    if (!(await this.learn(key, first))) return refused;
    // Answered and refused under the same nonce: wrong credentials, not an expired nonce.
    const fresh = this.schemes.get(key)!;
    if (known !== undefined && !staleAnswer(known, fresh)) return refused;
    return this.attempt(url, init, fresh);
  }
}

/** Whether a refused answer under `used` deserves a retry under `fresh` (a new Digest nonce). */
function staleAnswer(used: Scheme, fresh: Scheme): boolean {
  return used.kind === 'digest' && fresh.kind === 'digest' && used.challenge.nonce !== fresh.challenge.nonce;
}
