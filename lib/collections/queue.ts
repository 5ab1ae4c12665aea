/**
 * A promise queue that runs tasks one at a time, in the order they were enqueued. The background
 * worker funnels every storage command through one queue, so each command's read-apply-write sees
 * the previous command's write (no lost updates), whatever order the messages arrive in.
 */
export interface SerialQueue {
  /** Runs `task` after every task enqueued before it has settled; resolves or rejects with it. */
  run<T>(task: () => T | Promise<T>): Promise<T>;
  /** Resolves once every task enqueued so far has settled. */
  idle(): Promise<void>;
  /** Tasks enqueued and not yet settled. */
  readonly pending: number;
}

export function createSerialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  let pending = 0;
  return {
    run<T>(task: () => T | Promise<T>): Promise<T> {
      pending++;
      const result = tail.then(() => task());
      // The chain must survive a failed task: the next one waits for settlement, not success.
      tail = result.then(
        () => undefined,
        () => undefined,
      );
      return result.finally(() => {
        pending--;
      });
    },
    idle() {
      return tail.then(() => undefined);
    },
    get pending() {
      return pending;
    },
  };
}
