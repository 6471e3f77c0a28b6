import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { BudgetExceededError, type Deadline } from '../budget/index.ts';
import { mainContent } from './full-text.ts';

const ROLE = 'dateline-readability';

interface Job {
  html: string;
  url: string;
}
type Reply = { content?: string; error?: { message: string; code?: string } };

// In a thread: the same module (in Lambda, the same bundle), answering one page at a time.
if (!isMainThread && workerData?.role === ROLE) {
  parentPort?.on('message', ({ html, url }: Job) => {
    let reply: Reply;
    try {
      reply = { content: mainContent(html, url) };
    } catch (error) {
      reply = { error: { message: (error as Error).message, code: (error as { code?: string }).code } };
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

const overBudget = (detail: string) => new BudgetExceededError('full-text', detail);

/**
 * Readability on worker threads, each terminated when its page's deadline passes: Readability is
 * synchronous and, on hostile markup, far worse than linear, so only a thread can be stopped midway.
 * Threads are kept between pages (starting one costs a few hundred ms) and replaced after a stop;
 * a page waits for a free one, its wait counted against its deadline, so one hostile page never
 * stops another's reading.
 */
export class ReadabilityThreads {
  private readonly idle: Worker[] = [];
  private readonly busy = new Set<Worker>();
  private readonly waiting: Array<(worker: Worker) => void> = [];

  /** Two: the worker's pages are CPU work, and a Lambda of 1 GB has less than one core. */
  constructor(private readonly maxThreads = 2) {}

  /** The page's main content, or BudgetExceededError when the deadline comes first. */
  async read(html: string, url: string, deadline: Deadline): Promise<string | undefined> {
    const worker = await this.acquire(deadline);
    return new Promise((resolve, reject) => {
      const settle = (stop: boolean) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        if (stop) this.discard(worker);
        else this.release(worker);
      };
      const onMessage = (reply: Reply) => {
        settle(false);
        if (reply.error) reject(replyError(reply.error));
        else resolve(reply.content);
      };
      const onError = (error: Error) => {
        settle(true);
        reject(error);
      };
      const timer = setTimeout(() => {
        settle(true);
        reject(overBudget('Readability not done within its deadline; stopped'));
      }, deadline.remainingMs());
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.postMessage({ html, url } satisfies Job);
    });
  }

  /** Ends every thread; a later read starts new ones. */
  async close(): Promise<void> {
    const all = [...this.idle, ...this.busy];
    this.idle.length = 0;
    this.busy.clear();
    await Promise.all(all.map((worker) => worker.terminate()));
  }

  private acquire(deadline: Deadline): Promise<Worker> {
    const ready =
      this.idle.pop() ?? (this.idle.length + this.busy.size < this.maxThreads ? this.started() : undefined);
    if (ready) return Promise.resolve(this.taken(ready));
    return new Promise((resolve, reject) => {
      const grant = (worker: Worker) => {
        clearTimeout(timer);
        resolve(worker);
      };
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(grant), 1);
        reject(overBudget('no Readability thread free before the deadline'));
      }, deadline.remainingMs());
      this.waiting.push(grant);
    });
  }

  private started(): Worker {
    const worker = spawn();
    worker.once('exit', () => {
      this.busy.delete(worker);
      const at = this.idle.indexOf(worker);
      if (at >= 0) this.idle.splice(at, 1);
    });
    return worker;
  }

  private taken(worker: Worker): Worker {
    this.busy.add(worker);
    worker.ref();
    return worker;
  }

  /** A finished thread goes to the next page waiting, else waits unreferenced so the process may exit. */
  private release(worker: Worker): void {
    const next = this.waiting.shift();
    if (next) {
      next(worker);
      return;
    }
    this.busy.delete(worker);
    this.idle.push(worker);
    worker.unref();
  }

  /** A stopped thread is replaced for the next page waiting. */
  private discard(worker: Worker): void {
    this.busy.delete(worker);
    void worker.terminate();
    const next = this.waiting.shift();
    if (next) next(this.taken(this.started()));
  }
}
