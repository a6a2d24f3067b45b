import { expect } from 'chai';
import { basicAuthorization, digestAuthorization, parseDigestChallenge } from '../../src/store/auth.js';

describe('store/auth', () => {
  it('parses a Digest challenge as Virtuoso sends it', () => {
    const challenge = parseDigestChallenge('Digest realm="SPARQL", domain="/sparql-auth", nonce="abc123", opaque="5ebe2294ecd0e0f08eab7690d2a6ee69", stale="false", qop="auth", algorithm="MD5"');
    expect(challenge).to.deep.equal({ realm: 'SPARQL', nonce: 'abc123', qop: 'auth', opaque: '5ebe2294ecd0e0f08eab7690d2a6ee69', algorithm: 'MD5' });
  });

  it('ignores other schemes', () => expect(parseDigestChallenge('Basic realm="x"')).to.equal(undefined));

  it('computes the response of RFC 2617 section 3.5', () => {
    const challenge = { realm: 'testrealm@host.com', nonce: 'dcd98b7102dd2f0e8b11d0f600bfb0c093', qop: 'auth,auth-int', opaque: '5ccc069c403ebaf9f0171e9517f40e41' };
    const header = digestAuthorization(challenge, { user: 'Mufasa', password: 'Circle Of Life' }, 'GET', '/dir/index.html', 1, '0a4f113b');
    expect(header).to.include('response="6629fae49393a05397450978507c4ef1"');
    expect(header).to.include('nc=00000001').and.include('qop=auth,').and.include('opaque="5ccc069c403ebaf9f0171e9517f40e41"');
    expect(header).not.to.include('Circle Of Life');
  });

  it('refuses algorithms it does not implement', () => {
    expect(() => digestAuthorization({ realm: 'r', nonce: 'n', algorithm: 'SHA-256' }, { user: 'u', password: 'p' }, 'GET', '/')).to.throw(/not supported/);
  });

  it('builds Basic credentials', () => expect(basicAuthorization({ user: 'Aladdin', password: 'open sesame' })).to.equal('Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=='));
});
