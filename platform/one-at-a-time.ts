/**
 * A queue that runs tasks one after another, in call order: the one read-modify-write primitive of the code
 * base (the vault's write queue, the session stores). A failed task rejects its own caller and does not stop
 * the tasks after it. `idle()` resolves once every task queued so far has settled.
 */
export function oneAtATime() {
  let tail: Promise<unknown> = Promise.resolve();
  const run = <T>(task: () => Promise<T>): Promise<T> => {
    const result = tail.then(task, task);
    tail = result.catch(() => undefined);
    return result;
  };
  return Object.assign(run, { idle: (): Promise<void> => tail.then(() => undefined) });
}
