import { expect } from 'chai';
import { decode, DecodeError, normaliseText } from '../../src/read/decode.js';
import { binaryBytes, utf16be, utf16le } from './encodings.js';

const TEXT = 'Geneva Peace Week\nRenée Larivière, Ms Jen Gaskell — 2017 ✓\n';
const COMPOSED = 'Renée';
const DECOMPOSED = 'Rene\u0301e';

interface Case {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly text?: string;
  readonly convertedFrom?: RegExp;
  readonly removedControls?: number;
  readonly error?: RegExp;
}

const cases: Case[] = [
  { name: 'UTF-8', bytes: Buffer.from(TEXT), text: TEXT },
  { name: 'UTF-8 with BOM', bytes: Buffer.from(`\uFEFF${TEXT}`), text: TEXT },
  { name: 'a BOM inside the text (concatenated files) goes too', bytes: Buffer.from('\uFEFFpart one\n\uFEFFpart two'), text: 'part one\npart two' },
  { name: 'CRLF and lone CR', bytes: Buffer.from('a\r\nb\rc\n'), text: 'a\nb\nc\n' },
  { name: 'decomposed accents become NFC', bytes: Buffer.from(DECOMPOSED), text: COMPOSED },
  { name: 'UTF-16 LE with BOM', bytes: utf16le(TEXT, true), text: TEXT, convertedFrom: /^UTF-16LE$/ },
  { name: 'UTF-16 LE without BOM', bytes: utf16le(TEXT, false), text: TEXT, convertedFrom: /^UTF-16LE$/ },
  { name: 'UTF-16 BE with BOM', bytes: utf16be(TEXT, true), text: TEXT, convertedFrom: /^UTF-16BE$/ },
  { name: 'UTF-16 BE without BOM', bytes: utf16be(TEXT, false), text: TEXT, convertedFrom: /^UTF-16BE$/ },
  { name: 'Latin-1', bytes: Buffer.from('Renée Larivière, Zürich\n', 'latin1'), text: 'Renée Larivière, Zürich\n', convertedFrom: /Windows-1252/ },
  { name: 'Windows-1252 curly quotes', bytes: Buffer.from([...Buffer.from('He said '), 0x93, ...Buffer.from('peace'), 0x94, 0x20, 0x96, ...Buffer.from(' 5 '), 0x80]), text: 'He said “peace” – 5 €', convertedFrom: /Windows-1252/ },
  { name: 'a few stray control characters are removed', bytes: Buffer.from(`${'word '.repeat(100)}\u0007bell\u001b`), text: `${'word '.repeat(100)}bell`, removedControls: 2 },
  { name: 'form feed becomes a line break', bytes: Buffer.from('page one\fpage two'), text: 'page one\npage two' },
  { name: 'binary with NUL bytes', bytes: binaryBytes(4096), error: /^binary file/ },
  { name: 'binary without NUL bytes', bytes: binaryBytes(4096).map((byte) => byte === 0 ? 1 : byte), error: /^binary file/ },
  { name: 'high bytes only (not Latin-1 text)', bytes: Buffer.alloc(200, 0xe9), error: /^binary file \(not valid UTF-8, and mostly non-ASCII/ },
  { name: 'valid UTF-8 full of control characters', bytes: Buffer.from('\u0001\u0002\u0003abc'.repeat(50)), error: /^binary file \(control characters\)/ },
];

describe('read/decode', () => {
  for (const testCase of cases) {
    it(testCase.name, () => {
      if (testCase.error) {
        expect(() => decode(testCase.bytes)).to.throw(DecodeError, testCase.error);
        return;
      }
      const decoded = decode(testCase.bytes);
      expect(decoded.text).to.equal(testCase.text);
      if (testCase.convertedFrom) expect(decoded.convertedFrom).to.match(testCase.convertedFrom);
      else expect(decoded.convertedFrom).to.equal(undefined);
      expect(decoded.removedControls).to.equal(testCase.removedControls ?? 0);
    });
  }

  it('normaliseText is idempotent', () => {
    const once = normaliseText(`\uFEFFa\r\n${DECOMPOSED}\u0000\r`).text;
    expect(once).to.equal(`a\n${COMPOSED}\n`);
    expect(normaliseText(once).text).to.equal(once);
  });
});
