import { expect } from 'chai';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
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
    // A build whose graph breaks a shape, and the facts of the fixture without their evidence.
    await mkdir(join(dir, 'broken'));
    for (const [name, content] of await renderGraphFiles(noName, FIXTURE_BASE)) await writeFile(join(dir, 'broken', name), content);
    await writeFile(join(dir, 'facts-alone.ttl'), files.get('graph.ttl')!);
  });
  after(() => rm(dir, { recursive: true, force: true }));

  for (const name of ['graph.ttl', 'graph.nt', 'graph.trig', 'graph.jsonld']) {
    it(`passes the fixture's ${name} with exit 0`, async () => {
      const run = await runCommand(validateCommand, ['validate', join(dir, name), '--base', FIXTURE_BASE]);
      expect(run.exitCode, run.stdout).to.equal(0);
      expect(run.stdout).to.include('conforms to the peacegraph shapes');
    });
  }

  it('checks a graph file with the evidence.nt beside it, and says so', async () => {
    const run = await runCommand(validateCommand, ['validate', join(dir, 'graph.nt'), '--base', FIXTURE_BASE]);
    expect(run.stdout).to.match(new RegExp(`^${join(dir, 'graph.nt')} with ${join(dir, 'evidence.nt')}: `));
    // The shapes ask each membership for its evidence: the facts alone do not conform.
    const alone = await runCommand(validateCommand, ['validate', join(dir, 'facts-alone.ttl'), '--base', FIXTURE_BASE]);
    expect(alone.exitCode).to.equal(1);
    expect(alone.stdout).to.include('a membership cites the pg:Evidence it was extracted from');
  });

  it('exits 1 on a violation, naming focus node, path, shape and message', async () => {
    const run = await runCommand(validateCommand, ['validate', join(dir, 'broken', 'graph.ttl'), '--base', FIXTURE_BASE]);
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
