/**
 * Bytes -> normalised text. Decides the encoding (UTF-8 with or without BOM, UTF-16 LE/BE by BOM
 * or NUL pattern, Windows-1252 for invalid UTF-8 that is plausible text) and refuses binary data.
 */
import { decodeWindows1252 } from './windows-1252.js';

export interface Decoded {
  readonly text: string;
  /** Set when the input was not plain UTF-8: what was detected and converted. */
  readonly convertedFrom?: string;
  /** Control characters dropped from the text (they cannot appear in XML-based RDF and confuse stores). */
  readonly removedControls: number;
}

/** The bytes are not usable text; the message says why. */
export class DecodeError extends Error {}

const CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g;
/** More than this share of control characters (or of non-ASCII in a Latin-1 guess) means binary data. */
const BINARY_CONTROL_RATIO = 0.01;
const LATIN1_NON_ASCII_RATIO = 0.3;

function utf16Order(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  // Without a BOM, ASCII-range UTF-16 shows NULs in every other byte.
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096));
  let evenNuls = 0;
  let oddNuls = 0;
  for (let index = 0; index + 1 < sample.length; index += 2) {
    if (sample[index] === 0) evenNuls += 1;
    if (sample[index + 1] === 0) oddNuls += 1;
  }
  const pairs = Math.floor(sample.length / 2);
  if (pairs >= 2 && oddNuls > pairs * 0.6 && evenNuls < pairs * 0.1) return 'utf-16le';
  if (pairs >= 2 && evenNuls > pairs * 0.6 && oddNuls < pairs * 0.1) return 'utf-16be';
  return undefined;
}

function share(text: string, pattern: RegExp): number {
  return text.length === 0 ? 0 : (text.match(pattern)?.length ?? 0) / text.length;
}

function refuseBinary(text: string, why: string): void {
  if (share(text, CONTROLS) > BINARY_CONTROL_RATIO) throw new DecodeError(`binary file (${why})`);
}

/**
 * No BOM (nor stray ones from concatenated files: U+FEFF as a zero-width space is deprecated), LF
 * line ends, NFC; vertical tab and form feed become line breaks, other controls go.
 */
export function normaliseText(text: string): { text: string; removedControls: number } {
  const lines = text.replace(/\uFEFF/g, '').replace(/\r\n?|[\v\f]/g, '\n');
  const removedControls = lines.match(CONTROLS)?.length ?? 0;
  return { text: lines.replace(CONTROLS, '').normalize('NFC'), removedControls };
}

function decodeText(bytes: Uint8Array): { text: string; convertedFrom?: string } {
  const utf16 = utf16Order(bytes);
  if (utf16 !== undefined) {
    const text = new TextDecoder(utf16).decode(bytes);
    refuseBinary(text, 'control characters after UTF-16 decoding');
    return { text, convertedFrom: utf16.toUpperCase() };
  }
  if (bytes.includes(0)) throw new DecodeError('binary file (contains NUL bytes)');
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    refuseBinary(text, 'control characters');
    return { text };
  } catch (error) {
    if (error instanceof DecodeError) throw error;
  }
  const text = decodeWindows1252(bytes);
  refuseBinary(text, 'not valid UTF-8, and control characters as Latin-1');
  if (share(text, /[^\u0000-\u007f]/g) > LATIN1_NON_ASCII_RATIO) {
    throw new DecodeError('binary file (not valid UTF-8, and mostly non-ASCII as Latin-1)');
  }
  return { text, convertedFrom: 'Windows-1252 (Latin-1), as it is not valid UTF-8' };
}

export function decode(bytes: Uint8Array): Decoded {
  const decoded = decodeText(bytes);
  return { ...decoded, ...normaliseText(decoded.text) };
}
