import { expect } from 'chai';
import { existsSync, readFileSync } from 'node:fs';
import { COUNTRIES, parseCountries } from '../../src/extract/countries.js';

/** Debian's iso-codes: the ISO 3166-1 list, independent of ours (.ci/run installs it). */
const ISO_3166 = '/usr/share/iso-codes/json/iso_3166-1.json';

describe('extract/countries', () => {
  describe('byName', () => {
    const cases: Array<[string, string | undefined]> = [
      ['Switzerland', 'CH'], ['Swiss Confederation', 'CH'], ["Italy's", 'IT'], ['Kazakhstan’s', 'KZ'], ['the Netherlands', 'NL'],
      ['The Netherlands', 'NL'], ['Netherlands', 'NL'], ['TURKEY', 'TR'], ['Türkiye', 'TR'], ['Republic of Korea', 'KR'], ['South Korea', 'KR'],
      ["Democratic People's Republic of Korea", 'KP'], ['United States of America', 'US'], ['United Kingdom', 'GB'], ["Côte d'Ivoire", 'CI'],
      ['Côte d’Ivoire', 'CI'], ['State of Palestine', 'PS'], ['Holy See', 'VA'], ['Geneva', undefined], ['Europe', undefined], ['', undefined],
    ];
    for (const [text, code] of cases) {
      it(`${JSON.stringify(text)} -> ${code ?? 'none'}`, () => expect(COUNTRIES.byName(text)?.code).to.equal(code));
    }
  });

  describe('byAdjective', () => {
    const cases: Array<[string, string | undefined]> = [
      ['Swiss', 'CH'], ['Italian', 'IT'], ['Kazakh', 'KZ'], ['Dutch', 'NL'], ['British', 'GB'], ['South Korean', 'KR'],
      ['Korean', undefined], ['Dominican', undefined], ['Congolese', undefined], ['European', undefined],
    ];
    for (const [word, code] of cases) {
      it(`${JSON.stringify(word)} -> ${code ?? 'none'}`, () => expect(COUNTRIES.byAdjective(word)?.code).to.equal(code));
    }
  });

  it('lists the 193 member states and the 2 observer states, each code once', () => {
    expect(COUNTRIES.all.filter((country) => country.status === 'member')).to.have.length(193);
    expect(COUNTRIES.all.filter((country) => country.status === 'observer').map((country) => country.code).sort()).to.deep.equal(['PS', 'VA']);
    expect(new Set(COUNTRIES.all.map((country) => country.code)).size).to.equal(COUNTRIES.all.length);
    expect(COUNTRIES.byCode('ch')?.name).to.equal('Switzerland');
  });

  it('gives each state the ISO 3166-1 code that Debian\'s iso-codes gives a name of it', function () {
    if (!existsSync(ISO_3166)) this.skip();
    const iso = JSON.parse(readFileSync(ISO_3166, 'utf8')) as { '3166-1': Array<{ alpha_2: string; name: string; common_name?: string; official_name?: string }> };
    // ISO writes some names inverted or with a gloss: "Congo, The Democratic Republic of the", "Holy See (Vatican City State)".
    const upright = (name: string) => name.replace(/ \(.*\)$/u, '').replace(/^(.*), (.*)$/u, '$2 $1').replace(/^the /iu, '').toLowerCase();
    const names = new Map(iso['3166-1'].map((entry) => [entry.alpha_2, new Set([entry.name, entry.common_name, entry.official_name].filter((name): name is string => name !== undefined).map(upright))]));
    for (const country of COUNTRIES.all) {
      const isoNames = names.get(country.code);
      expect(isoNames, country.code).to.not.equal(undefined);
      expect([country.name, ...country.otherNames].some((name) => isoNames!.has(upright(name))), `${country.code} ${country.name}: ISO says ${[...isoNames!].join(' / ')}`).to.equal(true);
    }
  });

  describe('parseCountries', () => {
    it('names the file and line of a malformed row', () => {
      expect(() => parseCountries('# header\nCH\tmember\tSwitzerland\n', 'countries.tsv')).to.throw(/^countries\.tsv:2: expected/);
      expect(() => parseCountries('ch\tmember\tSwitzerland\t\t\n', 'countries.tsv')).to.throw(/^countries\.tsv:1: expected/);
    });
    it('refuses a name or an adjective given to two states', () => {
      expect(() => parseCountries('CG\tmember\tCongo\t\tCongolese\nCD\tmember\tDR Congo\t\tCongolese\n', 'c.tsv')).to.throw(/^c\.tsv:2: adjective "congolese" is already CG's/);
      expect(() => parseCountries('CG\tmember\tCongo\t\t\nCD\tmember\tCongo\t\t\n', 'c.tsv')).to.throw(/^c\.tsv:2: name "congo" is already CG's/);
    });
  });
});
