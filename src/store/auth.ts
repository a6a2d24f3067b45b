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

/**
 * fetch that answers the server's authentication challenge once: a 401 with Digest or Basic is
 * retried with credentials. Bodies must be strings or buffers (sent twice).
 */
export async function fetchWithAuth(url: string, init: RequestInit & { body?: string | Buffer }, credentials?: Credentials): Promise<Response> {
  const first = await fetch(url, init);
  if (first.status !== 401 || credentials === undefined) return first;
  const challenge = first.headers.get('www-authenticate') ?? '';
  await first.arrayBuffer();
  const parsed = new URL(url);
  const digest = parseDigestChallenge(challenge);
  const authorization = digest
    ? digestAuthorization(digest, credentials, (init.method ?? 'GET').toUpperCase(), `${parsed.pathname}${parsed.search}`)
    : basicAuthorization(credentials);
  return fetch(url, { ...init, headers: { ...(init.headers as Record<string, string>), authorization } });
}
