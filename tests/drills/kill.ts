/**
 * The full kill drill (`npm run drill`): every one of the twenty kill points, once each, against a clean
 * run; `npm test` runs a sample of them (tests/e2e/kill-drill.test.ts). Exits 1 on any difference.
 */
import {
  cleanRun,
  drillWorld,
  duplicateSources,
  KILL_POINTS,
  killAndRecover,
} from '../support/kill-drill.ts';

const world = await drillWorld();
let failures = 0;
try {
  const clean = await cleanRun(world);
  console.log(`clean run: ${clean.timeline.length} events; worker phase ${clean.workerPhaseMs} ms`);
  for (const [i, point] of KILL_POINTS.entries()) {
    const label = `${String(i + 1).padStart(2)}. ${point.phase.padEnd(7)} ${point.name}`;
    try {
      const result = await killAndRecover(world, point, { workerPhaseMs: clean.workerPhaseMs });
      const same = JSON.stringify(result.timeline) === JSON.stringify(clean.timeline);
      const ok = same && duplicateSources(result.timeline).length === 0 && result.leftOnQueues.total === 0;
      if (!ok) failures++;
      const seen = result.atKill;
      const state = seen
        ? `feeds fetched ${seen.feedRequests}, poll jobs ${seen.pollJobs}, articles queued ${seen.articles} (${seen.articlesInFlight} in flight)`
        : 'no observation';
      console.log(
        `${label}: ${ok ? 'same timeline' : 'DIFFERENT'} | at the kill: ${state} | ${result.recoveryLine ?? ''}`,
      );
    } catch (error) {
      failures++;
      console.log(`${label}: ${(error as Error).message.split('\n')[0]}`);
    }
  }
} finally {
  await world.stop();
}
console.log(
  failures
    ? `${failures} of ${KILL_POINTS.length} kill points failed`
    : `all ${KILL_POINTS.length} kill points gave the clean run's timeline`,
);
process.exit(failures ? 1 : 0);
