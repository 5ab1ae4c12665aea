/**
 * Runs document tasks with bounded concurrency: `--jobs 1` in this thread, more on piscina worker threads.
 * At most `window` tasks are in flight, and the source is not read further until one completes, so a crawl
 * of any size passes in flat memory (back-pressure). Results come out in input order unless `unordered`.
 */
import { Piscina } from 'piscina';
import { documentName, runDocumentTask, type DocumentResult, type DocumentTask } from './task';

export interface TaskRunner {
  run(task: DocumentTask): Promise<DocumentResult>;
  close(): Promise<void>;
  /** How many tasks to keep in flight. */
  window: number;
}

export function createRunner(jobs: number): TaskRunner {
  if (jobs <= 1) return { run: async (task) => runDocumentTask(task), close: async () => {}, window: 1 };
  // Workers load the TypeScript task through tsx: they inherit this process's `--import tsx`, added here
  // when the CLI was started some other way.
  const execArgv = process.execArgv.some((arg) => arg.includes('tsx')) ? process.execArgv : [...process.execArgv, '--import', 'tsx'];
  const pool = new Piscina({
    filename: new URL('./task.ts', import.meta.url).href,
    minThreads: jobs,
    maxThreads: jobs,
    idleTimeout: 60_000,
    execArgv,
    // A worker's V8 heap otherwise grows with the run (GC is lazy with gigabytes free), which made peak RSS
    // rise with crawl size; bounded, it collects sooner and memory stays flat. FZL_WORKER_HEAP_MB overrides.
    resourceLimits: { maxOldGenerationSizeMb: Number(process.env.FZL_WORKER_HEAP_MB) || 256 },
  });
  return {
    // A worker that dies on a document (out of memory on a giant page) fails that document, not the run.
    run: (task) =>
      (pool.run(task) as Promise<DocumentResult>).catch((error: unknown) => ({
        lines: [],
        annotations: 0,
        messages: [`annotate: ${documentName(task.file, task.where)}: ${error instanceof Error ? error.message : String(error)}`],
        failed: true,
      })),
    close: () => pool.destroy(),
    window: jobs * 4,
  };
}

/**
 * Feeds `items` through `start` with at most `window` pending, calling `emit` with each result in input
 * order (or completion order when `unordered`). `emit` may return a promise (a write waiting for drain),
 * which is awaited before more input is taken.
 */
export async function pipeline<I, R>(
  items: AsyncIterable<I>,
  start: (item: I) => Promise<R>,
  emit: (result: R) => void | Promise<void>,
  window: number,
  unordered = false,
): Promise<void> {
  if (!unordered) {
    const pending: Promise<R>[] = [];
    try {
      for await (const item of items) {
        pending.push(start(item));
        if (pending.length >= window) await emit(await pending.shift()!);
      }
      while (pending.length) await emit(await pending.shift()!);
    } finally {
      // After a failed write, tasks still running are abandoned (their pool is torn down), not unhandled.
      for (const task of pending) task.catch(() => {});
    }
    return;
  }
  const pending = new Map<number, Promise<[number, R]>>();
  const drainOne = async () => {
    const [id, result] = await Promise.race(pending.values());
    pending.delete(id);
    await emit(result);
  };
  try {
    let n = 0;
    for await (const item of items) {
      const id = n++;
      pending.set(id, start(item).then((r) => [id, r] as [number, R]));
      if (pending.size >= window) await drainOne();
    }
    while (pending.size) await drainOne();
  } finally {
    for (const task of pending.values()) task.catch(() => {});
  }
}
