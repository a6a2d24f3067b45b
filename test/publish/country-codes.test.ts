import { expect } from 'chai';
import { bundledCountryCodes, countryCode, parseCountryCodes } from '../../src/publish/country-codes.js';

describe('publish/country-codes', () => {
  // Codes from ISO 3166-1 as published, not from the table under test.
  const cases: Array<[string, string | undefined]> = [
    ['Switzerland', 'CH'],
    ['switzerland', 'CH'],
    ['  United   Kingdom ', 'GB'],
    ['United States', 'US'],
    ['France', 'FR'],
    ['Kenya', 'KE'],
    ['CH', 'CH'],
    ['Congo', undefined],
    ['Geneva', undefined],
  ];
  for (const [name, code] of cases) {
    it(`"${name}" -> ${code ?? 'no code'}`, () => expect(countryCode(name)).to.equal(code));
  }

  it('has every code once, two capital letters', () => {
    const codes = new Set(bundledCountryCodes().values());
    expect(codes.size).to.be.greaterThan(240);
    for (const code of codes) expect(code).to.match(/^[A-Z]{2}$/);
  });

  it('drops a name that two codes claim', () => {
    const codes = parseCountryCodes('# comment\nCD\tDemocratic Republic of the Congo\tCongo\nCG\tRepublic of the Congo\tCongo\n', 't.tsv');
    expect(countryCode('Congo', codes)).to.equal(undefined);
    expect(countryCode('Republic of the Congo', codes)).to.equal('CG');
  });

  const bad: Array<[string, string]> = [
    ['a lower-case code', 'ch\tSwitzerland\n'],
    ['a code without name', 'CH\n'],
    ['a three-letter code', 'CHE\tSwitzerland\n'],
  ];
  for (const [title, text] of bad) {
    it(`refuses ${title}, naming the file and line`, () => expect(() => parseCountryCodes(`# header\n${text}`, 'countries.tsv')).to.throw(/^countries\.tsv:2: /));
  }
});
