/**
 * The usual security headers on every answer. Pages get a Content-Security-Policy that allows
 * only their own files; a route that needs another policy sets its own header first, and it is
 * kept. Every answer refuses to be framed (clickjacking) and to be sniffed as another type.
 */
import type { FastifyInstance } from 'fastify';

export const PAGE_POLICY = [
  "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "connect-src 'self'",
  "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
].join('; ');
/** Data answers (results, JSON, text) run nothing. */
export const DATA_POLICY = "default-src 'none'; frame-ancestors 'none'";

const FIXED: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    for (const [name, value] of Object.entries(FIXED)) if (!reply.hasHeader(name)) reply.header(name, value);
    if (!reply.hasHeader('content-security-policy')) {
      const html = /^text\/html\b/i.test(String(reply.getHeader('content-type') ?? ''));
      reply.header('content-security-policy', html ? PAGE_POLICY : DATA_POLICY);
    }
    return payload;
  });
}
