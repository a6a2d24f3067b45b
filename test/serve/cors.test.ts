import { expect } from 'chai';
import Fastify, { type FastifyInstance } from 'fastify';
import { corsOrigins, registerCors } from '../../src/serve/cors.js';

/** A bare app with one read route, so that only the CORS behaviour is under test. */
async function appWith(origins: readonly string[]): Promise<FastifyInstance> {
  const app = Fastify();
  registerCors(app, origins, ['/sparql']);
  app.get('/sparql', async () => 'answer');
  app.get('/other', async () => 'not covered');
  await app.ready();
  return app;
}

const preflight = (origin: string) => ({
  method: 'OPTIONS' as const, url: '/sparql',
  headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
});

describe('serve/cors', () => {
  describe('any origin (the default)', () => {
    let app: FastifyInstance;
    before(async () => { app = await appWith(['*']); });
    after(() => app.close());

    it('answers a preflight with the methods and headers a SPARQL client needs', async () => {
      const response = await app.inject(preflight('https://yasgui.example'));
      expect(response.statusCode).to.equal(204);
      expect(response.headers['access-control-allow-origin']).to.equal('*');
      expect(String(response.headers['access-control-allow-methods']).split(/,\s*/)).to.include.members(['GET', 'POST']);
      expect(String(response.headers['access-control-allow-headers']).toLowerCase().split(/,\s*/)).to.include.members(['content-type', 'accept']);
      expect(Number(response.headers['access-control-max-age'])).to.be.greaterThan(0);
    });

    it('lets a cross-origin read see the answer and the truncation header', async () => {
      const response = await app.inject({ method: 'GET', url: '/sparql', headers: { origin: 'https://notebook.example' } });
      expect(response.headers['access-control-allow-origin']).to.equal('*');
      expect(response.headers['access-control-expose-headers']).to.match(/X-Peacegraph-Truncated/i);
    });

    const plain: Array<[string, { method: 'GET' | 'OPTIONS'; url: string; headers?: Record<string, string> }, number]> = [
      ['a same-origin request (no Origin header)', { method: 'GET', url: '/sparql' }, 200],
      ['OPTIONS without Origin (not a preflight)', { method: 'OPTIONS', url: '/sparql' }, 204],
      ['a route outside the read API', { method: 'GET', url: '/other', headers: { origin: 'https://notebook.example' } }, 200],
    ];
    for (const [name, request, status] of plain) {
      it(`adds no CORS headers to ${name}`, async () => {
        const response = await app.inject(request);
        expect(response.statusCode).to.equal(status);
        expect(response.headers['access-control-allow-origin']).to.equal(undefined);
      });
    }
  });

  describe('a list of origins', () => {
    let app: FastifyInstance;
    before(async () => { app = await appWith(['https://notebook.example']); });
    after(() => app.close());

    it('names an allowed origin and tells caches the answer varies by origin', async () => {
      const response = await app.inject({ method: 'GET', url: '/sparql', headers: { origin: 'https://notebook.example' } });
      expect(response.headers['access-control-allow-origin']).to.equal('https://notebook.example');
      expect(response.headers.vary).to.match(/Origin/);
    });

    it('gives another origin no CORS headers, and refuses its preflight', async () => {
      const read = await app.inject({ method: 'GET', url: '/sparql', headers: { origin: 'https://other.example' } });
      expect(read.headers['access-control-allow-origin']).to.equal(undefined);
      const response = await app.inject(preflight('https://other.example'));
      expect(response.statusCode).to.equal(403);
      expect(response.headers['access-control-allow-origin']).to.equal(undefined);
      expect(response.body).to.match(/not allowed/);
    });
  });

  describe('corsOrigins', () => {
    const accepted: Array<[string[], string[]]> = [
      [['*'], ['*']],
      [['https://a.example', 'http://127.0.0.1:8888/'], ['https://a.example', 'http://127.0.0.1:8888']],
      [['none'], []],
      [[], []],
    ];
    for (const [values, expected] of accepted) {
      it(`accepts ${JSON.stringify(values)}`, () => expect(corsOrigins(values)).to.deep.equal(expected));
    }
    const refused: Array<[string, RegExp]> = [
      ['notebook.example', /not a URL origin/],
      ['https://a.example/path', /origin only/],
      ['none,https://a.example', /give it alone/],
    ];
    for (const [value, message] of refused) {
      it(`refuses ${value}`, () => expect(() => corsOrigins(value.split(','))).to.throw(message));
    }
  });
});
