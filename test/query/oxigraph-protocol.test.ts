import { expect } from 'chai';
import { loadFailure } from '../../src/query/oxigraph-protocol.js';

/** Node's WebAssembly, which the ES library types do not describe. */
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: Record<string, () => void> };
};

/** The error WebAssembly throws when a module aborts, as Oxigraph does when its memory runs out. */
function webAssemblyAbort(): unknown {
  // (module (func (export "f") unreachable))
  const bytes = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 7, 5, 1, 1, 102, 0, 0, 10, 5, 1, 3, 0, 0, 11]);
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes));
  try {
    instance.exports.f!();
  } catch (error) {
    return error;
  }
  throw new Error('the module did not abort');
}

describe('query/oxigraph-protocol', () => {
  it('says that the engine ran out of memory, and what to do, when WebAssembly aborts during a load', () => {
    const message = loadFailure(['out/graph.trig'], webAssemblyAbort());
    expect(message).to.match(/^cannot load out\/graph\.trig: the query engine ran out of memory/);
    expect(message).to.include('without --with-evidence');
    expect(message).to.include('--endpoint');
  });

  it("passes a parser's message through", () => {
    expect(loadFailure(['a.ttl', 'b.nt'], new Error('Unexpected "}" on line 3.'))).to.equal('cannot load a.ttl, b.nt: Unexpected "}" on line 3.');
  });
});
