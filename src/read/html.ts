/** HTML pages saved instead of text: keep the visible text with its paragraph breaks. */
import { convert } from 'html-to-text';

const HTML_EXTENSIONS = new Set(['.html', '.htm']);

/** Skips leading white space, an XML declaration and comments (by index: a regex with nested repeats can backtrack for ever). */
function afterPreamble(text: string): string {
  let rest = text.trimStart();
  for (const [open, close] of [['<?xml', '?>'], ['<!--', '-->']] as const) {
    while (rest.startsWith(open)) {
      const end = rest.indexOf(close, open.length);
      if (end < 0) return '';
      rest = rest.slice(end + close.length).trimStart();
    }
  }
  return rest;
}

/** By extension, or by an HTML start (doctype, <html>, <head>, <body>, after an XML declaration or comments). */
export function looksLikeHtml(text: string, extension: string): boolean {
  if (HTML_EXTENSIONS.has(extension.toLowerCase())) return true;
  return /^(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(afterPreamble(text.slice(0, 4096)));
}

export function htmlToText(html: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
      { selector: 'nav', format: 'skip' },
      { selector: 'script', format: 'skip' },
      { selector: 'style', format: 'skip' },
      { selector: 'noscript', format: 'skip' },
      { selector: 'h1', options: { uppercase: false } },
      { selector: 'h2', options: { uppercase: false } },
      { selector: 'h3', options: { uppercase: false } },
      { selector: 'h4', options: { uppercase: false } },
      { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
    ],
  }).trim();
}
