import { expect } from 'vitest';
import type { Figures } from './baseline.ts';

/**
 * Every figure at or above its floor, and no figure without one: a floor dropped from baseline.json
 * (or a figure added without a floor) fails here rather than silently gating less.
 */
export function expectAtLeastFloors(measured: Figures, floors: Figures | undefined, where: string): void {
  expect(floors, `${where}: no floors in tests/eval/baseline.json`).toBeDefined();
  expect(Object.keys(floors ?? {}).sort(), `${where}: floors and figures`).toEqual(
    Object.keys(measured).sort(),
  );
  for (const [name, floor] of Object.entries(floors ?? {})) {
    expect(measured[name], `${where}.${name}`).toBeGreaterThanOrEqual(floor);
  }
}
