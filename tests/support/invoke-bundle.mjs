// Runs one synthesized Lambda bundle as the Lambda Node.js runtime does: its own process, the
// module imported once (top-level await and all), then each event handed to `handler` in turn with
// a context whose deadline is the function's timeout. Plain JavaScript: run by node itself, no loader.
//   node invoke-bundle.mjs <index.mjs> <events.json> <timeout seconds>
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [bundle, eventsFile, timeoutSeconds] = process.argv.slice(2);
const events = JSON.parse(readFileSync(eventsFile, 'utf8'));
const importStart = performance.now();
const { handler } = await import(pathToFileURL(bundle).href);
const timings = { importMs: performance.now() - importStart, invokeMs: [] };
const results = [];
for (const [i, event] of events.entries()) {
  const invokeStart = performance.now();
  const deadline = Date.now() + Number(timeoutSeconds) * 1000;
  const context = {
    functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
    awsRequestId: `local-${i}`,
    getRemainingTimeInMillis: () => deadline - Date.now(),
  };
  results.push(await handler(event, context));
  timings.invokeMs.push(performance.now() - invokeStart);
}
// Handlers log to stdout too (Powertools JSON lines): timings and results each follow a marker line.
process.stdout.write(`\n@@TIMINGS@@\n${JSON.stringify(timings)}\n@@RESULTS@@\n${JSON.stringify(results)}\n`);
