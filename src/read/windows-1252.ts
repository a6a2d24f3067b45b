/**
 * Windows-1252 decoding. Node 20's TextDecoder('windows-1252') decodes as ISO-8859-1 (0x80-0x9F
 * become C1 controls instead of “ ” – € ...), so the 0x80-0x9F row is mapped here.
 */
/** The characters of bytes 0x80-0x9F (five unassigned bytes keep their C1 control). */
export const WINDOWS_1252_ROW_80_9F = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

export function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) {
    text += byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_ROW_80_9F[byte - 0x80] : String.fromCharCode(byte);
  }
  return text;
}
