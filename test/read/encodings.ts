/** Encoders for test inputs in the encodings the reader must recognise. */
import { WINDOWS_1252_ROW_80_9F } from '../../src/read/windows-1252.js';

export function utf16le(text: string, bom: boolean): Buffer {
  const body = Buffer.from(text, 'utf16le');
  return bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body;
}

export function utf16be(text: string, bom: boolean): Buffer {
  const body = Buffer.from(text, 'utf16le').swap16();
  return bom ? Buffer.concat([Buffer.from([0xfe, 0xff]), body]) : body;
}

/** A PNG header followed by pseudo-random bytes: typical binary data. */
export function binaryBytes(length: number): Buffer {
  const bytes = Buffer.alloc(length);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes);
  let state = 12345;
  for (let index = 8; index < length; index += 1) {
    state = (state * 1103515245 + 12345) % 2147483648;
    bytes[index] = state >>> 16 & 0xff;
  }
  return bytes;
}

/** Windows-1252 bytes of a text (throws on a character the code page lacks). */
export function windows1252(text: string): Buffer {
  return Buffer.from([...text].map((character) => {
    const row = WINDOWS_1252_ROW_80_9F.indexOf(character);
    if (row >= 0) return 0x80 + row;
    const code = character.codePointAt(0)!;
    if (code > 0xff) throw new Error(`windows1252: ${JSON.stringify(character)} has no Windows-1252 byte`);
    return code;
  }));
}
