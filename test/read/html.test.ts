import { expect } from 'chai';
import { htmlToText, looksLikeHtml } from '../../src/read/html.js';

describe('read/html', () => {
  const detection: Array<[string, string, boolean]> = [
    ['<!DOCTYPE html><html><body>x</body></html>', '.txt', true],
    ['  \n<html lang="en">', '.txt', true],
    ['<!-- saved from url --> <!doctype HTML>', '.txt', true],
    ['<body>x', '.md', true],
    ['<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">', '.txt', true],
    ['anything', '.HTM', true],
    ['Geneva Peace Week <html> in a sentence', '.txt', false],
    ['<p>a fragment</p>', '.txt', false],
    ['<!-- unclosed comment <html>', '.txt', false],
    // Once a catastrophic-backtracking case for a regex over the comments.
    [`${'<!-- -->'.repeat(512)}x`, '.txt', false],
    [`${'<!-- -->'.repeat(100)}<body>`, '.txt', true],
  ];
  for (const [text, extension, expected] of detection) {
    it(`${JSON.stringify(text.slice(0, 80))} as ${extension} is ${expected ? '' : 'not '}HTML`, () => {
      expect(looksLikeHtml(text, extension)).to.equal(expected);
    });
  }

  it('keeps paragraphs and headings, drops script, style and nav, decodes entities', () => {
    const text = htmlToText(
      '<html><head><style>p{color:red}</style><script>track()</script></head><body><nav><a href="/">Home</a></nav>'
      + '<h1>Geneva Peace Week</h1><p>Event report/s:</p><p>Ms Jen Gaskell, Co-founder, Build&amp;Up &lt;BU&gt;</p>'
      + '<noscript>enable JS</noscript></body></html>',
    );
    expect(text).to.equal('Geneva Peace Week\n\nEvent report/s:\n\nMs Jen Gaskell, Co-founder, Build&Up <BU>');
  });

  it('a page without visible text gives the empty string', () => {
    expect(htmlToText('<html><head><script>x()</script></head><body><nav>Menu</nav></body></html>')).to.equal('');
  });
});
