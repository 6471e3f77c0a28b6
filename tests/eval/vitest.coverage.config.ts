import { defineConfig } from 'vitest/config';
import base from '../../vitest.config.ts';

/** `npm run test:coverage`: the end-to-end coverage gates alone (`npm test` runs them with the rest). */
export default defineConfig({
  test: { ...base.test, include: ['tests/eval/coverage-gate.test.ts'] },
});
