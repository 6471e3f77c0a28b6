import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cleanRun,
  type DrillWorld,
  drillWorld,
  duplicateSources,
  externalDynamo,
  FEEDS,
  KILL_POINTS,
  type KillDrillResult,
  type KillPoint,
  killAndRecover,
} from '../support/kill-drill.ts';

/**
 * A sample of the kill drill's twenty points (`npm run drill` runs them all): one in polling, one while
 * the poller queues articles, two inside worker batches, and one with DynamoDB as an existing service.
 */
const SAMPLE = [
  'feed request 2',
  '2 article message(s) queued, polling not done',
  'worker batch, 0% into the work',
  'worker batch, 20% into the work',
];
function pointNamed(name: string): KillPoint {
  const point = KILL_POINTS.find((candidate) => candidate.name === name);
  if (!point) throw new Error(`no kill point named "${name}"`);
  return point;
}

let world: DrillWorld;
let clean: string[];
let workerPhaseMs: number;
beforeAll(async () => {
  world = await drillWorld();
  ({ timeline: clean, workerPhaseMs } = await cleanRun(world));
}, 120_000);
afterAll(() => world?.stop());

/** The kill landed in the phase it names, with work still in hand. */
function expectMidWork({ point, atKill }: KillDrillResult) {
  expect(atKill, `no observation at the kill "${point.name}"`).toBeDefined();
  const seen = atKill as NonNullable<KillDrillResult['atKill']>;
  if (point.phase === 'polling') {
    expect(seen.feedRequests).toBe(point.atFeedRequest);
    expect(seen.pollJobs).toBeGreaterThan(0);
  }
  if (point.phase === 'fan-out') {
    expect(seen.articles).toBeGreaterThan(0);
    expect(seen.feedRequests).toBeLessThan(FEEDS);
  }
  if (point.phase === 'worker') expect(seen.articlesInFlight).toBeGreaterThan(0);
}

function expectCleanRunsTimeline(result: KillDrillResult) {
  expect(result.timeline).toEqual(clean);
  expect(duplicateSources(result.timeline)).toEqual([]);
  expect(result.leftOnQueues.total).toBe(0);
  expect(result.recoveryLine).toMatch(/stopped uncleanly; recovered \d+ message\(s\)/);
}

describe('kill drill: npm start -- --once killed with SIGKILL, then run again on the same data folder', () => {
  it('the clean run has events with several sources and no source twice', () => {
    expect(clean.length).toBeGreaterThan(10);
    expect(clean.some((line) => JSON.parse(line).sources.length > 1)).toBe(true);
    expect(duplicateSources(clean)).toEqual([]);
  });

  it.each(SAMPLE)(
    'killed at "%s": the same events and sources as a clean run, nothing left on a queue',
    async (name) => {
      const result = await killAndRecover(world, pointNamed(name), { workerPhaseMs });
      expectMidWork(result);
      expectCleanRunsTimeline(result);
      console.log(`kill drill: ${name} → ${result.recoveryLine} → the clean run's ${clean.length} events`);
    },
    180_000,
  );

  it('gives the same result with DynamoDB as an existing service (AWS_ENDPOINT_URL_DYNAMODB)', async () => {
    const dynamo = await externalDynamo();
    try {
      const result = await killAndRecover(world, pointNamed('worker batch, 10% into the work'), {
        workerPhaseMs,
        env: dynamo.env,
      });
      expectMidWork(result);
      expectCleanRunsTimeline(result);
    } finally {
      await dynamo.stop();
    }
  }, 180_000);
});
