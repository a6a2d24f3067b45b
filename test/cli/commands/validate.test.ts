import { expect } from 'chai';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateCommand } from '../../../src/cli/commands/validate.js';
import { renderGraphFiles } from '../../../src/write/outputs.js';
import { FIXTURE_BASE, fixtureQuads } from '../../write/fixture.js';
import { runCommand } from './run-command.js';

describe('cli/commands/validate', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'peacegraph-validate-cli-'));
    const files = await renderGraphFiles(fixtureQuads(), FIXTURE_BASE);
    for (const [name, content] of files) await writeFile(join(dir, name), content);
    const noName = fixtureQuads().filter((quad) => !(quad.subject.value.endsWith('person/einar-bjorgo') && quad.predicate.value === 'http://schema.org/name'));
    await writeFile(join(dir, 'broken.ttl'), (await renderGraphFiles(noName, FIXTURE_BASE)).get('graph.ttl')!);
  });
  after(() => rm(dir, { recursive: true, force: true }));

  for (const name of ['graph.ttl', 'graph.nt', 'graph.trig', 'graph.jsonld']) {
    it(`passes the fixture's ${name} with exit 0`, async () => {
      const run = await runCommand(validateCommand, ['validate', join(dir, name), '--base', FIXTURE_BASE]);
      expect(run.exitCode, run.stdout).to.equal(0);
      expect(run.stdout).to.include('conforms to the peacegraph shapes');
    });
  }

  it('exits 1 on a violation, naming focus node, path, shape and message', async () => {
    const run = await runCommand(validateCommand, ['validate', join(dir, 'broken.ttl'), '--base', FIXTURE_BASE]);
    expect(run.exitCode).to.equal(1);
    expect(run.stdout).to.include('1 violation(s)');
    expect(run.stdout).to.include('VIOLATION pgsh:PersonShape: person:einar-bjorgo schema:name\n    a person has exactly one schema:name');
  });

  it('names a missing file', async () => {
    const run = await runCommand(validateCommand, ['validate', join(dir, 'nothing.ttl')]);
    expect(run.exitCode).to.equal(1);
    expect(run.error?.message).to.match(/nothing\.ttl: cannot read: ENOENT/);
  });
});
