import { expect } from 'chai';
import { buildProgress, loadProgress } from '../../src/cli/progress.js';

/** A stand-in terminal that records what is drawn on it. */
function fakeTerminal(isTTY: boolean) {
  const written: string[] = [];
  const stream = {
    isTTY, columns: 100,
    write: (chunk: string) => { written.push(String(chunk)); return true; },
    cursorTo: () => true, clearLine: () => true, moveCursor: () => true, clearScreenDown: () => true,
    on: () => stream, removeListener: () => stream,
  };
  return { stream: stream as unknown as NodeJS.WriteStream, written };
}

describe('cli/progress', () => {
  it('draws reports done of total, the rate and the time left on a terminal', () => {
    const { stream, written } = fakeTerminal(true);
    const progress = buildProgress(true, stream);
    progress.update(3, 10);
    progress.stop();
    expect(written.join('')).to.match(/3\/10 \| \d+ reports\/s \| .+ left/);
  });

  for (const [name, enabled, isTTY] of [['when output is not a terminal', true, false], ['with --quiet', false, true]] as const) {
    it(`stays quiet ${name}`, () => {
      const { stream, written } = fakeTerminal(isTTY);
      const progress = buildProgress(enabled, stream);
      progress.update(3, 10);
      progress.stop();
      expect(written).to.deep.equal([]);
    });
  }
});

describe('cli/progress: loading a graph', () => {
  it('draws MB read of total on a terminal', () => {
    const { stream, written } = fakeTerminal(true);
    const progress = loadProgress(true, stream);
    progress.update(40e6, 120e6);
    progress.stop();
    expect(written.join('')).to.match(/loading graph .* 40\/120 MB/);
  });

  it('stays quiet when output is not a terminal', () => {
    const { stream, written } = fakeTerminal(false);
    const progress = loadProgress(true, stream);
    progress.update(40e6, 120e6);
    progress.stop();
    expect(written).to.deep.equal([]);
  });
});
