import { describe, expect, it } from 'vitest';
import { parseRunnerArgs, UsageError } from '../../infra/local/cli.ts';

const noEnv: NodeJS.ProcessEnv = {};

describe('parseRunnerArgs', () => {
  it('has the documented defaults', () => {
    expect(parseRunnerArgs([], noEnv)).toEqual({
      once: false,
      feedsPath: 'infra/feeds.yaml',
      port: 8787,
      dataDir: '.data',
      allowPrivateNetwork: false,
    });
  });

  it('reads --once', () => {
    expect(parseRunnerArgs(['--once'], noEnv)).toMatchObject({ once: true });
  });

  it('reads --feeds PATH and --feeds=PATH', () => {
    expect(parseRunnerArgs(['--feeds', 'tests/fixtures/feeds.yaml'], noEnv)).toMatchObject({
      feedsPath: 'tests/fixtures/feeds.yaml',
    });
    expect(parseRunnerArgs(['--feeds=other.yaml'], noEnv)).toMatchObject({ feedsPath: 'other.yaml' });
  });

  it('reads --port N as a number', () => {
    expect(parseRunnerArgs(['--port', '9000'], noEnv)).toMatchObject({ port: 9000 });
    expect(parseRunnerArgs(['--port=65535'], noEnv)).toMatchObject({ port: 65535 });
  });

  it('reads --data-dir PATH', () => {
    expect(parseRunnerArgs(['--data-dir', '/tmp/dateline'], noEnv)).toMatchObject({
      dataDir: '/tmp/dateline',
    });
  });

  it('reads --allow-private-network', () => {
    expect(parseRunnerArgs(['--allow-private-network'], noEnv)).toMatchObject({ allowPrivateNetwork: true });
  });

  it('reads every flag together', () => {
    expect(
      parseRunnerArgs(
        ['--once', '--feeds', 'f.yaml', '--port', '1234', '--data-dir', 'd', '--allow-private-network'],
        noEnv,
      ),
    ).toEqual({ once: true, feedsPath: 'f.yaml', port: 1234, dataDir: 'd', allowPrivateNetwork: true });
  });

  it('serves the admin API only with a token from DATELINE_ADMIN_TOKEN, on 8788 or --admin-port', () => {
    const token = 'a-token-of-enough-length';
    expect(parseRunnerArgs([], noEnv)).not.toHaveProperty('admin', expect.anything());
    expect(parseRunnerArgs([], { DATELINE_ADMIN_TOKEN: token })).toMatchObject({
      admin: { port: 8788, token },
    });
    expect(parseRunnerArgs(['--admin-port', '0'], { DATELINE_ADMIN_TOKEN: token })).toMatchObject({
      admin: { port: 0, token },
    });
  });

  it('refuses to start an admin API without a token, or with a short one', () => {
    expect(() => parseRunnerArgs(['--admin-port', '8788'], noEnv)).toThrow(/needs a token/);
    expect(() => parseRunnerArgs([], { DATELINE_ADMIN_TOKEN: 'short' })).toThrow(/at least 16/);
    expect(() =>
      parseRunnerArgs(['--admin-port', 'x'], { DATELINE_ADMIN_TOKEN: 'a-token-of-enough-length' }),
    ).toThrow(UsageError);
  });

  it('falls back to FEEDS_CONFIG when --feeds is absent', () => {
    expect(parseRunnerArgs([], { FEEDS_CONFIG: 'ops/feeds.yaml' })).toMatchObject({
      feedsPath: 'ops/feeds.yaml',
    });
  });

  it('prefers --feeds over FEEDS_CONFIG', () => {
    expect(parseRunnerArgs(['--feeds', 'cli.yaml'], { FEEDS_CONFIG: 'env.yaml' })).toMatchObject({
      feedsPath: 'cli.yaml',
    });
  });

  it('returns help for --help and -h', () => {
    expect(parseRunnerArgs(['--help'], noEnv)).toBe('help');
    expect(parseRunnerArgs(['-h'], noEnv)).toBe('help');
    expect(parseRunnerArgs(['--once', '--help'], noEnv)).toBe('help');
  });

  it('throws UsageError for an unknown flag or a stray argument', () => {
    expect(() => parseRunnerArgs(['--verbose'], noEnv)).toThrow(UsageError);
    expect(() => parseRunnerArgs(['feeds.yaml'], noEnv)).toThrow(UsageError);
    expect(() => parseRunnerArgs(['--once=yes'], noEnv)).toThrow(UsageError);
  });

  it('throws UsageError for a flag missing its value', () => {
    expect(() => parseRunnerArgs(['--port'], noEnv)).toThrow(UsageError);
    expect(() => parseRunnerArgs(['--feeds'], noEnv)).toThrow(UsageError);
  });

  it('throws UsageError for a port that is not a port number', () => {
    for (const port of ['abc', '80.5', '65536', '-1']) {
      expect(() => parseRunnerArgs([`--port=${port}`], noEnv), port).toThrow(UsageError);
    }
  });

  it('throws UsageError for an empty --port instead of silently taking port 0 (a random port)', () => {
    // Number('') and Number(' ') are 0, which would start the timeline on an arbitrary free port.
    expect(() => parseRunnerArgs(['--port='], noEnv)).toThrow(UsageError);
    expect(() => parseRunnerArgs(['--port', ' '], noEnv)).toThrow(UsageError);
  });
});
