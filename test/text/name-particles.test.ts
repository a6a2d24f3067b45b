/** The particle list's format, with hand-made lists, and the bundled list's contents. */
import { expect } from 'chai';
import { isParticle, parseNameParticles, PARTICLES } from '../../src/text/name-particles.js';

describe('text/name-particles', () => {
  describe('isParticle', () => {
    const cases: Array<[string, boolean]> = [
      ['von', true], ['Van', true], ['DER', true], ['Ní', true], ['ní', true], ['y', true],
      ['Mac', false], ['ben', false], ['Berghe', false], ['al-', false],
    ];
    for (const [word, expected] of cases) {
      it(`${JSON.stringify(word)} -> ${expected}`, () => expect(isParticle(word)).to.equal(expected));
    }
  });

  describe('parseNameParticles', () => {
    it('reads words, hyphen prefixes and glued prefixes, skipping comments and blank lines', () => {
      const particles = parseNameParticles('# header\n\nvon\nNí\nal-\nMc+\n', 'test.txt');
      expect([...particles.words]).to.deep.equal([['von', 'von'], ['ní', 'Ní']]);
      expect([...particles.hyphenPrefixes]).to.deep.equal([['al', 'al']]);
      expect(particles.gluedPrefixes).to.deep.equal(['Mc']);
    });
    it('names the file and line of a bad entry', () => {
      expect(() => parseNameParticles('von\nde la\n', 'particles.txt')).to.throw(/^particles\.txt:2: "de la" is not a particle/);
    });
    it('the bundled list holds the particles of the names above', () => {
      for (const particle of ['von', 'van', 'der', 'de', 'la', 'del', 'della', 'di', 'da', 'du', 'dos', 'das', 'le', 'ten', 'ter', 'ní', 'bin', 'ibn']) {
        expect(PARTICLES.words.has(particle), particle).to.equal(true);
      }
      expect([...PARTICLES.hyphenPrefixes.keys()]).to.include.members(['al', 'el']);
    });
  });
});
