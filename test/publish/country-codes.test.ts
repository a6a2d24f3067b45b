import { expect } from 'chai';
import { countryCode } from '../../src/publish/country-codes.js';

describe('publish/country-codes', () => {
  // Codes from ISO 3166-1 as published, not from the table under test.
  const cases: Array<[string, string | undefined]> = [
    ['Switzerland', 'CH'],
    ['switzerland', 'CH'],
    ['  United   Kingdom ', 'GB'],
    ['United States', 'US'],
    ['France', 'FR'],
    ['Kenya', 'KE'],
    ['the Netherlands', 'NL'],
    ['CH', 'CH'],
    ['Democratic Republic of the Congo', 'CD'],
    ['Geneva', undefined],
    ['Europe', undefined],
  ];
  for (const [name, code] of cases) {
    it(`"${name}" -> ${code ?? 'no code'}`, () => expect(countryCode(name)).to.equal(code));
  }
});
