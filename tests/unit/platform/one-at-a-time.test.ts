import { describe, expect, it } from 'vitest';
import { oneAtATime } from '../../../platform/one-at-a-time';

describe('oneAtATime', () => {
  it('runs tasks one after another in call order, never two at once', async () => {
    const queue = oneAtATime();
    const log: string[] = [];
    let running = 0;
    const task = (name: string, ticks: number) => async () => {
      running += 1;
      expect(running).toBe(1);
      log.push(`start ${name}`);
      for (let i = 0; i < ticks; i++) await Promise.resolve();
      log.push(`end ${name}`);
      running -= 1;
      return name;
    };
    const results = await Promise.all([queue(task('a', 5)), queue(task('b', 1)), queue(task('c', 3))]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('rejects only the failed task’s caller; the next task still runs', async () => {
    const queue = oneAtATime();
    const failed = queue(async () => {
      throw new Error('boom');
    });
    const next = queue(async () => 'ran');
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ran');
  });

  it('idle() waits for every task queued so far', async () => {
    const queue = oneAtATime();
    let done = false;
    void queue(async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      done = true;
    });
    await queue.idle();
    expect(done).toBe(true);
  });
});
