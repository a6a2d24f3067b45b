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

  it('writes a plain line as a large load starts and as it ends when output is not a terminal', () => {
    const { stream, written } = fakeTerminal(false);
    const progress = loadProgress(true, stream);
    for (const bytes of [0, 40e6, 80e6, 120e6]) progress.update(bytes, 120e6);
    progress.stop();
    expect(written).to.have.length(2);
    expect(written[0]).to.equal('peacegraph: loading 120 MB of graph files\n');
    expect(written[1]).to.match(/^peacegraph: loaded in \d+\.\d s\n$/);
  });

  it('writes nothing for a small load, or with --quiet, when output is not a terminal', () => {
    for (const [enabled, total] of [[true, 1e6], [false, 120e6]] as const) {
      const { stream, written } = fakeTerminal(false);
      const progress = loadProgress(enabled, stream);
      progress.update(total / 2, total);
      progress.update(total, total);
      progress.stop();
      expect(written).to.deep.equal([]);
    }
  });
});
