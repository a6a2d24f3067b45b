/** One report file -> its normalised text and what was changed on the way; refusals as InputError. */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { decode, DecodeError, normaliseText } from './decode.js';
import { htmlToText, looksLikeHtml } from './html.js';
import { describeFsError, InputError } from './problems.js';

export interface LoadedText {
  readonly text: string;
  /** Changes made to the text (encoding converted, HTML stripped, controls removed). */
  readonly notes: string[];
}

function size(bytes: number): string {
  const unit = bytes >= 1024 * 1024 ? ['MiB', 1024 * 1024] as const : ['KiB', 1024] as const;
  return `${(bytes / unit[1]).toFixed(1)} ${unit[0]} (${bytes} bytes)`;
}

/**
 * Checks type and size on the open handle before reading, so a huge file is refused without reading
 * it. O_NONBLOCK keeps a FIFO named like a report from blocking the open.
 */
async function readLimited(path: string, maxBytes: number): Promise<Uint8Array> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK).catch((error: unknown) => {
    throw new InputError(path, describeFsError(error));
  });
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw new InputError(path, 'is a folder, not a file');
    if (!info.isFile()) throw new InputError(path, 'not a regular file (device, socket or pipe)');
    if (info.size > maxBytes) {
      throw new InputError(path, `file is too large: ${size(info.size)}, over the limit of ${size(maxBytes)} (raise it with --max-size)`);
    }
    return await handle.readFile();
  } catch (error) {
    throw error instanceof InputError ? error : new InputError(path, describeFsError(error));
  } finally {
    await handle.close();
  }
}

/** html-to-text recurses per nesting level: a hostile page overflows the stack, which must not stop the build. */
function htmlTextOrRefuse(path: string, html: string): string {
  try {
    return htmlToText(html);
  } catch (error) {
    const why = error instanceof RangeError ? 'nested too deeply' : (error as Error).message;
    throw new InputError(path, `HTML page whose text cannot be extracted (${why})`);
  }
}

function decodeOrRefuse(path: string, bytes: Uint8Array): ReturnType<typeof decode> {
  try {
    return decode(bytes);
  } catch (error) {
    if (error instanceof DecodeError) throw new InputError(path, error.message);
    throw error;
  }
}

export async function loadText(path: string, maxBytes: number): Promise<LoadedText> {
  const bytes = await readLimited(path, maxBytes);
  if (bytes.length === 0) throw new InputError(path, 'empty file (0 bytes)');
  const decoded = decodeOrRefuse(path, bytes);
  const notes: string[] = [];
  if (decoded.convertedFrom !== undefined) notes.push(`converted from ${decoded.convertedFrom}`);
  if (decoded.removedControls > 0) notes.push(`removed ${decoded.removedControls} control character(s)`);
  let text = decoded.text;
  if (looksLikeHtml(text, extname(path))) {
    text = normaliseText(htmlTextOrRefuse(path, text)).text;
    if (text.trim() === '') throw new InputError(path, 'HTML page with no visible text');
    notes.push('HTML page: used its visible text (scripts, styles and navigation dropped)');
  }
  if (text.trim() === '') throw new InputError(path, 'empty file (only white space)');
  return { text, notes };
}
