import { expect } from 'chai';
import jsonld from 'jsonld';
import { bundledDocumentLoader } from '../../src/read/jsonld-loader.js';

describe('read/jsonld-loader', () => {
  const served = ['https://schema.org', 'https://schema.org/', 'http://schema.org', 'http://schema.org/', 'https://schema.org/docs/jsonldcontext.jsonld'];
  for (const url of served) {
    it(`serves the bundled schema.org context for ${url}`, async () => {
      const document = await bundledDocumentLoader(url);
      expect(document.documentUrl).to.equal(url);
      expect(document.document).to.have.nested.property('@context.@vocab', 'http://schema.org/');
    });
  }

  const refused = ['https://schema.org.example.com/', 'https://example.org/context.jsonld', 'https://w3id.org/peacegraph/context.jsonld'];
  for (const url of refused) {
    it(`refuses ${url}, naming it`, async () => {
      const error = await bundledDocumentLoader(url).then(() => undefined, (caught: Error) => caught);
      expect(error?.message).to.include(url).and.to.include('refusing to fetch');
    });
  }

  it('expands schema.org terms as the published context does: to http://schema.org/ IRIs', async () => {
    const expanded = await jsonld.expand({ '@context': 'https://schema.org', '@type': 'Event', name: 'X', startDate: '2017-11-06' }, { documentLoader: bundledDocumentLoader });
    expect(expanded).to.deep.equal([{
      '@type': ['http://schema.org/Event'],
      'http://schema.org/name': [{ '@value': 'X' }],
      'http://schema.org/startDate': [{ '@value': '2017-11-06' }],
    }]);
  });
});
