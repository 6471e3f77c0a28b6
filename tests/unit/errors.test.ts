import { Logger } from '@aws-lambda-powertools/logger';
import { HTTPException } from 'hono/http-exception';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseFeedsFile } from '../../lib/feeds/index.ts';
import { BadMessageError, decodeArticlesQueueMessage } from '../../lib/queue/index.ts';
import { CursorCodec, createTimelineApp } from '../../lib/timeline/index.ts';
import { notFound, ProblemError } from '../../lib/timeline/problem.ts';
import { RecordedLog } from '../support/memory-feeds.ts';

const thrown = (run: () => unknown): Error => {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('nothing was thrown');
};

describe('errors keep their cause', () => {
  it('an unusable queue message names the JSON error behind it', () => {
    const error = thrown(() => decodeArticlesQueueMessage('{"v":1,'));
    expect(error).toBeInstanceOf(BadMessageError);
    expect(error.cause).toBeInstanceOf(SyntaxError);
  });

  it('a feeds file that is not YAML keeps the parser error', () => {
    const error = thrown(() => parseFeedsFile('feeds: [unclosed', 'feeds.yaml'));
    expect(error.message).toContain('not valid YAML');
    expect((error.cause as Error).name).toMatch(/YAML/);
  });

  it('a problem is hono’s HTTPException: its response, its status, its cause', async () => {
    const cause = new Error('no such item');
    const problem = new ProblemError(notFound('no event e1'), { cause });
    expect(problem).toBeInstanceOf(HTTPException);
    expect(problem.status).toBe(404);
    expect(problem.cause).toBe(cause);
    expect(await problem.getResponse().json()).toMatchObject({ status: 404, detail: 'no event e1' });
  });
});

describe('the timeline logs a failed request with the error itself', () => {
  it('answers 500 and hands the logger the error, cause and all', async () => {
    const cause = new Error('ProvisionedThroughputExceededException');
    const log = new RecordedLog();
    const failing = {
      async *range() {
        yield* [];
        throw new Error('reading the timeline failed', { cause });
      },
      get: async () => undefined,
      resolve: async () => undefined,
    };
    const app = createTimelineApp({
      reader: failing,
      cursors: new CursorCodec('a-test-key-of-16-chars'),
      log,
    });
    expect((await app.request('/timeline')).status).toBe(500);
    const [line] = log.lines;
    expect(line?.extra[0]).toMatchObject({ path: '/timeline', error: expect.objectContaining({ cause }) });
  });
});

describe('Powertools Logger, given the error as a value', () => {
  afterEach(() => vi.restoreAllMocks());

  it('prints its name, message, stack and cause', () => {
    const written: string[] = [];
    // Powertools writes each level to its console stream: errors to stderr, the rest to stdout.
    for (const stream of [process.stdout, process.stderr])
      vi.spyOn(stream, 'write').mockImplementation((chunk) => {
        written.push(String(chunk));
        return true;
      });
    const logger = new Logger({ serviceName: 'dateline-test', logLevel: 'ERROR' });
    const error = new Error('poll failed', { cause: new TypeError('fetch failed') });
    logger.error('feed quay-news failed', { feedId: 'quay-news', error });
    const line = JSON.parse(written.join('').trim().split('\n').at(-1) as string);
    expect(line.error).toMatchObject({
      name: 'Error',
      message: 'poll failed',
      stack: expect.stringContaining('poll failed'),
    });
    expect(line.error.cause).toMatchObject({ name: 'TypeError', message: 'fetch failed' });
  });
});
