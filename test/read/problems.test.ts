import { expect } from 'chai';
import { describeFsError } from '../../src/read/problems.js';

/** Errors root cannot provoke on a real file (root reads everything), described from their errno code. */
describe('read/problems', () => {
  const cases: Array<[unknown, string]> = [
    [Object.assign(new Error('x'), { code: 'ENOENT' }), 'no such file or folder'],
    [Object.assign(new Error('x'), { code: 'EACCES' }), 'permission denied (EACCES)'],
    [Object.assign(new Error('x'), { code: 'EPERM' }), 'permission denied (EPERM)'],
    [Object.assign(new Error('x'), { code: 'EISDIR' }), 'is a folder, not a file (EISDIR)'],
    [Object.assign(new Error('x'), { code: 'ELOOP' }), 'symbolic link loop (ELOOP)'],
    [Object.assign(new Error('x'), { code: 'EIO' }), 'cannot read (EIO)'],
    [new Error('disk on fire'), 'cannot read (disk on fire)'],
    ['a string', 'cannot read (a string)'],
  ];
  for (const [error, expected] of cases) {
    it(`${String((error as { code?: string }).code ?? error)} -> ${expected}`, () => {
      expect(describeFsError(error)).to.equal(expected);
    });
  }
});
