/**
 * Child-process driver for the no-network test: runs several CLI invocations in one process (one
 * start-up instead of one per command) and prints their exit codes and output as JSON on stdout.
 */
import { runCli } from '../../src/cli/main.js';

interface Run {
  readonly argv: string[];
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

const invocations = JSON.parse(process.argv[2] ?? '[]') as string[][];
const runs: Run[] = [];
for (const argv of invocations) {
  let stdout = '';
  let stderr = '';
  const exitCode = await runCli(argv, { stdout: (text) => { stdout += text; }, stderr: (text) => { stderr += text; }, isTTY: false });
  runs.push({ argv, exitCode, stdout, stderr });
}
process.stdout.write(JSON.stringify(runs));
// Workers and engines may keep handles open; the runs are done.
process.exit(0);
