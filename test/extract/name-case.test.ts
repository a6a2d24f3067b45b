import { expect } from 'chai';
import fc from 'fast-check';
import { isAllCaps, properCase, sameNameKey } from '../../src/extract/name-case.js';

describe('extract/name-case', () => {
  describe('properCase', () => {
    const cases: Array<[string, string]> = [
      ['LENA VON HOHENBERG-STRAUSS', 'Lena von Hohenberg-Strauss'],
      ['SEO DA-EUN', 'Seo Da-Eun'],
      ['JEAN-PIERRE DE LA FONTAINE', 'Jean-Pierre de la Fontaine'],
      ['AOIFE NÍ BHRIAIN', 'Aoife Ní Bhriain'],
      ['SEÁN Ó BRIAIN', 'Seán Ó Briain'],
      ['MCDONALD', 'McDonald'],
      ['RONAN MCDONALD', 'Ronan McDonald'],
      ['MACHADO', 'Machado'],
      ["O'BRIEN", "O'Brien"],
      ['O’BRIEN', 'O’Brien'],
      ['AMINATA N’DIAYE', 'Aminata N’Diaye'],
      ['JOSÉ RAMÍREZ', 'José Ramírez'],
      ['ÅSA ØSTERGÅRD', 'Åsa Østergård'],
      ['MOHAMMED AL-RASHID', 'Mohammed al-Rashid'],
      ['AL-RASHID MOHAMMED', 'Al-Rashid Mohammed'],
      ['MOHAMMED BIN SALMAN', 'Mohammed bin Salman'],
      ['VAN DER BERGHE', 'Van der Berghe'],
      ['PIETER VAN DER BERGHE', 'Pieter van der Berghe'],
      ['JOSÉ ORTEGA Y GASSET', 'José Ortega y Gasset'],
      ['ΓΙΩΡΓΟΣ ΠΑΠΑΔΟΠΟΥΛΟΣ', 'Γιωργος Παπαδοπουλος'],
      ['ИВАН ПЕТРОВ', 'Иван Петров'],
      ['KASK Mihkel', 'Kask Mihkel'],
      ['Jean-Marie le Goff', 'Jean-Marie le Goff'],
      ['Ludwig Van Beethoven', 'Ludwig Van Beethoven'],
      ['JOHN F. KENNEDY', 'John F. Kennedy'],
      ['ANNA DA', 'Anna Da'],
      // The known limit (data/words/name-particles.txt): a given name that is also a particle.
      ['NGUYEN VAN AN', 'Nguyen van An'],
      ['Nguyen Van An', 'Nguyen Van An'],
      ['王小明', '王小明'],
      ['', ''],
    ];
    for (const [input, expected] of cases) {
      it(`${JSON.stringify(input)} -> ${JSON.stringify(expected)}`, () => expect(properCase(input)).to.equal(expected));
    }
  });

  it('only changes case, keeps every other character, and is idempotent', () => {
    const word = fc.string({ unit: fc.constantFrom(...'ABCDEÉÍÅØΣΠΔЖЙ\'’-.'), minLength: 1, maxLength: 10 });
    const particle = fc.constantFrom('VON', 'DE', 'LA', 'NÍ', 'AL-RASHID', 'MCDONALD', "O'BRIEN", 'Mihkel');
    fc.assert(fc.property(fc.array(fc.oneof(word, particle), { minLength: 1, maxLength: 5 }), (words) => {
      const name = words.join(' ');
      const cased = properCase(name);
      expect(cased.toLowerCase()).to.equal(name.toLowerCase());
      expect(properCase(cased)).to.equal(cased);
    }), { numRuns: 500 });
  });

  describe('isAllCaps', () => {
    const cases: Array<[string, boolean]> = [
      ['UNDP', true], ['O’BRIEN', true], ['DA-EUN', true], ['NÍ', true], ['ΠΕΤΡΟΣ', true],
      ['McDonald', false], ['Ní', false], ['A', false], ['J.', false], ['2017', false], ['王小明', false], ['', false],
    ];
    for (const [word, expected] of cases) {
      it(`${JSON.stringify(word)} -> ${expected}`, () => expect(isAllCaps(word)).to.equal(expected));
    }
  });

  describe('sameNameKey', () => {
    const same: Array<[string, string]> = [
      ['Van der Berghe', 'van der Berghe'],
      ['VAN DER BERGHE', 'van der Berghe'],
      ['José Al-Rashid', 'Jose al Rashid'],
      ['Aoife Ní Bhriain', 'AOIFE NI BHRIAIN'],
      ['O’Brien', "O'Brien"],
    ];
    for (const [a, b] of same) {
      it(`${JSON.stringify(a)} = ${JSON.stringify(b)}`, () => expect(sameNameKey(a)).to.equal(sameNameKey(b)));
    }
    const different: Array<[string, string]> = [
      ['van der Berghe', 'Berghe'],
      ['Pieter de Vries', 'Pieter Vries'],
      ['Иван Петров', 'Ivan Petrov'],
    ];
    for (const [a, b] of different) {
      it(`${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`, () => expect(sameNameKey(a)).to.not.equal(sameNameKey(b)));
    }
  });
});
