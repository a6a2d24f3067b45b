/**
 * Bytes -> normalised text. Decides the encoding (UTF-8 with or without BOM, UTF-16 LE/BE by BOM
 * or NUL pattern, Windows-1252 for invalid UTF-8 that is plausible text) and refuses binary data.
 */
export interface Decoded {
  readonly text: string;
  /** Set when the input was not plain UTF-8: what was detected and converted. */
  readonly convertedFrom?: string;
}

export class DecodeError extends Error {}

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

/** Share of characters that are control characters other than tab, newline, carriage return, form feed. */
function controlRatio(text: string): number {
  if (text.length === 0) return 0;
  const controls = text.match(/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g)?.length ?? 0;
  return controls / text.length;
}

export function normaliseText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').normalize('NFC');
}

export function decode(bytes: Uint8Array): Decoded {
  const utf16 = utf16Order(bytes);
  if (utf16 !== undefined) {
    const text = new TextDecoder(utf16).decode(bytes);
    if (controlRatio(text) > 0.01) throw new DecodeError('binary file (not text)');
    return { text: normaliseText(text), convertedFrom: utf16.toUpperCase() };
  }
  if (bytes.includes(0)) throw new DecodeError('binary file (contains NUL bytes)');
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (controlRatio(text) > 0.01) throw new DecodeError('binary file (control characters)');
    return { text: normaliseText(text) };
  } catch (error) {
    if (error instanceof DecodeError) throw error;
  }
  const text = new TextDecoder('windows-1252').decode(bytes);
  if (controlRatio(text) > 0.01) throw new DecodeError('binary file (not valid UTF-8 and not plausible Latin-1 text)');
  return { text: normaliseText(text), convertedFrom: 'Windows-1252 (Latin-1); not valid UTF-8' };
}
