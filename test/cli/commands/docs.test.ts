import { expect } from 'chai';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { docsCommand } from '../../../src/cli/commands/docs.js';
import { generateOntologyMarkdown } from '../../../src/docs/generate.js';
import { runCommand } from './run-command.js';

describe('cli/commands/docs', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'peacegraph-docs-cli-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('writes the generated Markdown to --out', async () => {
    const out = join(dir, 'sub', 'ontology.md');
    const run = await runCommand(docsCommand, ['docs', '--out', out]);
    expect(run.exitCode, run.error?.message).to.equal(0);
    expect(await readFile(out, 'utf8')).to.equal(await generateOntologyMarkdown());
  });

  it('prints it with --stdout', async () => {
    const run = await runCommand(docsCommand, ['docs', '--stdout']);
    expect(run.stdout).to.match(/^# peacegraph ontology\n/);
  });
});
