import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { BudgetExceededError, type Deadline } from '../budget/index.ts';
import { mainContent } from './full-text.ts';

const ROLE = 'dateline-readability';

interface Job {
  id: number;
  html: string;
  url: string;
}
type Reply = { id: number; content?: string; error?: { message: string; code?: string } };

// In the thread: the same module (in Lambda, the same bundle), answering one page at a time.
if (!isMainThread && workerData?.role === ROLE) {
  parentPort?.on('message', ({ id, html, url }: Job) => {
    let reply: Reply;
    try {
      reply = { id, content: mainContent(html, url) };
    } catch (error) {
      reply = { id, error: { message: (error as Error).message, code: (error as { code?: string }).code } };
    }
    parentPort?.postMessage(reply);
  });
}

/**
 * The thread loads this very file: the Lambda bundle as built, or this TypeScript source (tests and
 * `npm start`), for which tsx is registered first since a thread does not inherit the loader.
 */
function spawn(): Worker {
  const self = new URL(import.meta.url);
  const options = { workerData: { role: ROLE }, resourceLimits: { maxOldGenerationSizeMb: 256 } };
  if (!self.pathname.endsWith('.ts')) return new Worker(self, options);
  // require.resolve finds tsx's CommonJS entry; the thread imports its ES module beside it.
  const tsx = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  );
  const boot = `import(${JSON.stringify(tsx.href)}).then(({ register }) => { register(); return import(${JSON.stringify(self.href)}); });`;
  return new Worker(boot, { ...options, eval: true });
}

const replyError = (error: NonNullable<Reply['error']>) =>
  error.code === 'budget-exceeded'
    ? new BudgetExceededError('full-text', error.message.replace(/^full-text budget exceeded: /, ''))
    : new Error(error.message);

/**
 * Readability in a worker thread that is terminated when a page's deadline passes: Readability is
 * synchronous and, on hostile markup, far worse than linear, so only a thread can be stopped midway.
 * One thread is kept between pages (starting one costs a few hundred ms) and replaced after a stop.
 */
export class ReadabilityThread {
  private worker: Worker | undefined;
  private nextId = 0;

  /** The page's main content, or BudgetExceededError when the deadline comes first. */
  read(html: string, url: string, deadline: Deadline): Promise<string | undefined> {
    const worker = this.thread();
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.unref();
      };
      const onMessage = (reply: Reply) => {
        if (reply.id !== id) return;
        done();
        if (reply.error) reject(replyError(reply.error));
        else resolve(reply.content);
      };
      const onError = (error: Error) => {
        done();
        this.stop(worker);
        reject(error);
      };
      const timer = setTimeout(() => {
        done();
        this.stop(worker);
        reject(new BudgetExceededError('full-text', `Readability not done within its deadline; stopped`));
      }, deadline.remainingMs());
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.ref();
      worker.postMessage({ id, html, url } satisfies Job);
    });
  }

  /** Ends the thread; the next page starts a new one. */
  async close(): Promise<void> {
    if (this.worker) await this.stop(this.worker);
  }

  private thread(): Worker {
    if (!this.worker) {
      const worker = spawn();
      worker.unref();
      worker.once('exit', () => {
        if (this.worker === worker) this.worker = undefined;
      });
      this.worker = worker;
    }
    return this.worker;
  }

  private async stop(worker: Worker): Promise<void> {
    if (this.worker === worker) this.worker = undefined;
    await worker.terminate();
  }
}
