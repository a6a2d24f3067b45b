/**
 * Any bytes, in any of the encodings the reader detects, either are refused with the file named or
 * become a SourceDocument whose text is normalised (NFC, LF, no BOM, no control characters) and
 * whose sha256 is that of the text; reading is deterministic.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadInputs } from '../../src/read/index.js';
import { utf16be, utf16le } from '../read/encodings.js';
import { hostileString } from './hostile.js';

const inputs: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 512 }),
  hostileString(20).map((text) => Buffer.from(text)),
  hostileString(20).map((text) => Buffer.from(`\uFEFF${text.replace(/\n/g, '\r\n')}`)),
  fc.tuple(hostileString(20), fc.boolean()).map(([text, bom]) => utf16le(text, bom)),
  fc.tuple(hostileString(20), fc.boolean()).map(([text, bom]) => utf16be(text, bom)),
  hostileString(20).map((text) => Buffer.from(text, 'latin1')),
);

describe('properties: reading arbitrary bytes', () => {
  let dir: string;
  before(async () => { dir = await mkdtemp(join(tmpdir(), 'peacegraph-prop-read-')); });
  after(() => rm(dir, { recursive: true, force: true }));

  it('refused with the file named, or normalised text with its sha256, the same on every read', async () => {
    let run = 0;
    await fc.assert(fc.asyncProperty(inputs, async (bytes) => {
      const path = join(dir, `input-${run += 1}.txt`);
      await writeFile(path, bytes);
      const result = await loadInputs([path]);
      expect(result.documents.length + result.failures.length).to.equal(1);
      if (result.failures.length === 1) {
        expect(result.failures[0]!.path).to.equal(path);
        expect(result.failures[0]!.problem).to.match(/^(empty file|binary file|HTML page with no visible text)/);
        return;
      }
      const { text, sha256, id } = result.documents[0]!;
      expect(text.trim()).to.not.equal('');
      expect(text.normalize('NFC')).to.equal(text);
      expect(text).to.not.match(/[\r\uFEFF\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/);
      // With the u flag, only unpaired surrogates match: the text must be valid Unicode.
      expect(text).to.not.match(/[\uD800-\uDFFF]/u);
      expect(sha256).to.equal(createHash('sha256').update(text).digest('hex'));
      expect(id).to.equal(`input-${run}`);
      expect(await loadInputs([path])).to.deep.equal(result);
    }), { numRuns: 300 });
  });
});
