import { connect, type Socket } from 'node:net';
import { Worker } from 'node:worker_threads';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchError, guardedFetch } from '../../lib/http/index.ts';
import { FeedServer } from '../support/feed-server.ts';

/** The fetch's error, or a failure if it succeeded. */
async function failure(promise: Promise<unknown>): Promise<FetchError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(FetchError);
    return error as FetchError;
  }
  throw new Error('expected the fetch to fail');
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

const local = { allowPrivateNetwork: true };

/**
 * The most a fetch with a budget under a second may take here: over 3× the slowest this machine
 * measured under load (a 600 ms budget took 629 ms at load 11 on 2 cores), yet below the defaults
 * (5 s to connect, 20 s in all), so it is the configured budget that fired.
 */
const STOPPED_WELL_WITHIN = 5_000;

describe('guardedFetch: time limits', () => {
  const server = new FeedServer();
  const closed = new Set<string>();

  beforeAll(async () => {
    await server.start();
    // Headers at once, then one byte every 50 ms for ever: no idle timeout would ever fire.
    server.routes.set('/trickle', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      const timer = setInterval(() => res.write('<'), 50);
      res.on('close', () => {
        clearInterval(timer);
        closed.add('/trickle');
      });
    });
    server.routes.set('/silent', (_req, res) => {
      res.on('close', () => closed.add('/silent'));
    });
    server.routes.set('/slow-hop', (req, res) => {
      const n = Number(new URL(req.url ?? '', 'http://x').searchParams.get('n') ?? 0);
      setTimeout(() => res.writeHead(302, { location: `/slow-hop?n=${n + 1}` }).end(), 150);
    });
    server.serve('/late', '<rss/>');
  });
  afterAll(() => server.stop());

  it('stops a server that sends headers and then trickles the body for ever at totalTimeoutMs', async () => {
    const [error, elapsed] = await timed(() =>
      failure(guardedFetch(server.url('/trickle'), { ...local, totalTimeoutMs: 600 })),
    );
    expect(error.code).toBe('ETIMEDOUT');
    expect(error.message).toContain('no complete response within 600 ms');
    expect(elapsed).toBeGreaterThanOrEqual(550);
    expect(elapsed).toBeLessThan(STOPPED_WELL_WITHIN);
    await expect.poll(() => closed.has('/trickle')).toBe(true);
  });

  it('stops a server that accepts the request and never answers', async () => {
    const [error, elapsed] = await timed(() =>
      failure(guardedFetch(server.url('/silent'), { ...local, totalTimeoutMs: 400 })),
    );
    expect(error.code).toBe('ETIMEDOUT');
    expect(elapsed).toBeLessThan(STOPPED_WELL_WITHIN);
    await expect.poll(() => closed.has('/silent')).toBe(true);
  });

  it('counts redirects against the same total budget', async () => {
    const error = await failure(
      guardedFetch(server.url('/slow-hop'), { ...local, totalTimeoutMs: 400, maxRedirects: 5 }),
    );
    // A budget per hop would follow all five redirects (150 ms each) and fail on their number. One
    // budget stops the chain: a fourth request could not start before 450 ms, however busy the machine.
    expect(error.code).toBe('ETIMEDOUT');
    expect(server.hits.get('/slow-hop')).toBeGreaterThanOrEqual(1);
    expect(server.hits.get('/slow-hop')).toBeLessThanOrEqual(3);
  });

  it('does not cut off a response that completes within the budget', async () => {
    const response = await guardedFetch(server.url('/late'), { ...local, totalTimeoutMs: 2_000 });
    expect(response.body.toString()).toBe('<rss/>');
  });

  describe('connect timeout', () => {
    // A listener whose thread is blocked never accepts: once its backlog is full, the kernel leaves
    // further connection attempts unanswered, exactly like a host that drops SYNs.
    let worker: Worker;
    let port: number;
    const fillers: Socket[] = [];

    beforeAll(async () => {
      worker = new Worker(
        `const { parentPort } = require('node:worker_threads');
         const server = require('node:net').createServer();
         server.listen({ port: 0, host: '127.0.0.1', backlog: 1 }, () => {
           parentPort.postMessage(server.address().port);
           Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
         });`,
        { eval: true },
      );
      port = await new Promise<number>((resolve) => worker.once('message', resolve));
      for (let i = 0; i < 4; i++) fillers.push(connect(port, '127.0.0.1').on('error', () => {}));
      await new Promise((resolve) => setTimeout(resolve, 200));
    });
    afterAll(async () => {
      for (const socket of fillers) socket.destroy();
      await worker.terminate();
    });

    it('gives up on a host that does not complete the TCP handshake after connectTimeoutMs', async () => {
      const [error, elapsed] = await timed(() =>
        failure(
          guardedFetch(`http://127.0.0.1:${port}/feed`, {
            ...local,
            connectTimeoutMs: 300,
            totalTimeoutMs: 10_000,
          }),
        ),
      );
      expect(error.code).toBe('ETIMEDOUT');
      expect(error.message).toContain('could not connect within 300 ms');
      expect(elapsed).toBeGreaterThanOrEqual(250);
      expect(elapsed).toBeLessThan(STOPPED_WELL_WITHIN);
    });
  });
});

describe('guardedFetch: size limit', () => {
  const server = new FeedServer();
  const closed = new Set<string>();
  const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20)); // 64 MiB of spaces in about 64 KiB

  beforeAll(async () => {
    await server.start();
    server.routes.set('/endless', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
      };
      res.on('drain', pump);
      res.on('close', () => closed.add('/endless'));
      pump();
    });
    server.routes.set('/bomb', (_req, res) => {
      res.on('close', () => closed.add('/bomb'));
      res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' }).end(bomb);
    });
    server.routes.set('/declared-large', (_req, res) => {
      res.writeHead(200, { 'content-length': String(50 * 1024 * 1024) });
      res.write('<rss>');
      res.on('close', () => closed.add('/declared-large'));
    });
    server.serve('/exact', Buffer.alloc(1_000, 0x61));
  });
  afterAll(() => server.stop());

  it('aborts an endless body at maxBytes and closes the connection', async () => {
    const [error, elapsed] = await timed(() =>
      failure(guardedFetch(server.url('/endless'), { ...local, maxBytes: 2 * 1024 * 1024 })),
    );
    expect(error.code).toBe('ETOOLARGE');
    expect(error.message).toContain(`larger than ${2 * 1024 * 1024} bytes`);
    expect(elapsed).toBeLessThan(5_000);
    await expect.poll(() => closed.has('/endless')).toBe(true);
  });

  it('counts the limit after decompression, so a gzip bomb stops at maxBytes', async () => {
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const before = process.memoryUsage().arrayBuffers;
    const error = await failure(guardedFetch(server.url('/bomb'), { ...local, maxBytes: 4 * 1024 * 1024 }));
    expect(error.code).toBe('ETOOLARGE');
    // Nowhere near the 64 MiB the bomb would inflate to.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(32 * 1024 * 1024);
  });

  it('refuses a declared Content-Length over the limit without reading the body', async () => {
    const error = await failure(guardedFetch(server.url('/declared-large'), { ...local, maxBytes: 1024 }));
    expect(error.code).toBe('ETOOLARGE');
    expect(error.message).toContain(`body of ${50 * 1024 * 1024} bytes`);
    await expect.poll(() => closed.has('/declared-large')).toBe(true);
  });

  it('accepts a body of exactly maxBytes', async () => {
    const response = await guardedFetch(server.url('/exact'), { ...local, maxBytes: 1_000 });
    expect(response.body.length).toBe(1_000);
  });

  it('uses a 10 MB limit by default', async () => {
    const error = await failure(guardedFetch(server.url('/endless'), local));
    expect(error.message).toContain(`larger than ${10 * 1024 * 1024} bytes`);
  });
});
