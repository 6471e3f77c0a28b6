import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { sharedGate, sharedPath } from '../support/shared.ts';

describe('sharedGate (tests that need ../shared)', () => {
  const here = fileURLToPath(import.meta.url);
  const absent = `${here}.absent`;

  it('runs when the path exists, whatever the switch', () => {
    expect(sharedGate(here, {})).toBe('run');
    expect(sharedGate(here, { REQUIRE_SHARED: '1' })).toBe('run');
  });

  it('skips an absent path locally, and fails it when REQUIRE_SHARED=1 (as .ci/run sets)', () => {
    expect(sharedGate(absent, {})).toBe('skip');
    expect(sharedGate(absent, { REQUIRE_SHARED: '0' })).toBe('skip');
    expect(sharedGate(absent, { REQUIRE_SHARED: '1' })).toBe('fail');
  });

  it('finds the shared folder beside the repository, or where DATELINE_SHARED says', () => {
    vi.stubEnv('DATELINE_SHARED', undefined);
    expect(sharedPath('corpus', 'feeds')).toBe(
      fileURLToPath(new URL('../../../shared/corpus/feeds', import.meta.url)),
    );
    vi.stubEnv('DATELINE_SHARED', '/elsewhere');
    expect(sharedPath('seed')).toBe('/elsewhere/seed');
    vi.unstubAllEnvs();
  });
});
