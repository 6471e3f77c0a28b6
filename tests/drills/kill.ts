/**
 * The full kill drill (`npm run drill`): every one of the twenty kill points, once each, against a clean
 * run; `npm test` runs a sample of them (tests/e2e/kill-drill.test.ts). Exits 1 on any difference.
 */
import {
  cleanRun,
  drillWorld,
  duplicateSources,
  KILL_POINTS,
  type KillPoint,
  killAndRecover,
} from '../support/kill-drill.ts';

const world = await drillWorld();

/**
 * A worker point is a share of the clean run's worker phase; a run that finishes faster than the clean
 * one ends before it. Such a point is tried again at half its share (twice at most), never skipped.
 */
async function killedOnce(point: KillPoint, workerPhaseMs: number, tries = 3) {
  try {
    return await killAndRecover(world, point, { workerPhaseMs });
  } catch (error) {
    const early = (error as Error).message.startsWith('the run ended before the kill point');
    if (!early || point.workerShare === undefined || tries <= 1) throw error;
    const share = point.workerShare / 2;
    console.log(`    (the run ended before ${point.name}; trying again at ${Math.round(share * 100)}%)`);
    return killedOnce({ ...point, workerShare: share }, workerPhaseMs, tries - 1);
  }
}
let failures = 0;
try {
  const clean = await cleanRun(world);
  console.log(`clean run: ${clean.timeline.length} events; worker phase ${clean.workerPhaseMs} ms`);
  for (const [i, point] of KILL_POINTS.entries()) {
    const label = `${String(i + 1).padStart(2)}. ${point.phase.padEnd(7)} ${point.name}`;
    try {
      const result = await killedOnce(point, clean.workerPhaseMs);
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
