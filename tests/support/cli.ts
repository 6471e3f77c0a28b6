import { spawn } from 'node:child_process';

/** A project script run the way package.json runs it (`node --import tsx`), without npm's own output. */
export function launch(script: string, args: string[], env: Record<string, string> = {}) {
  return spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    env: { ...process.env, POWERTOOLS_LOG_LEVEL: 'INFO', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so a test can send Ctrl-C the way a terminal does.
    detached: true,
  });
}

/** Runs a script to its end and gives its exit code and everything it printed. */
export function run(
  script: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; output: string }> {
  const child = launch(script, args, env);
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, output })));
}
