import { describe, expect, it } from 'vitest';
import { createProgressReporter } from '../../../features/backup/progress';
import type { BackupProgress } from '../../../features/backup/protocol';
import { entryIdOfNotification, entryPagePath, reminderNotificationId } from '../../../features/deadlines/reminder-notifications';

describe('reminder notification ids', () => {
  it('carry the entry id through any characters, and ignore other features’ notifications', () => {
    for (const entryId of ['0b9c5d7e-1111-4222-8333-944445555666', 'a:b/c#d e%']) {
      const id = reminderNotificationId({ entryId, deadlineKind: 'previous-secret', threshold: 1 });
      expect(entryIdOfNotification(id)).toBe(entryId);
    }
    expect(entryIdOfNotification('capture:123')).toBeUndefined();
    expect(entryIdOfNotification('lwa-vault-reminder:%E0%A4%A:secret:1')).toBeUndefined();
  });

  it('open the entry in the pop-out tab', () => {
    expect(entryPagePath('a b')).toBe('/popup.html?popout=1#entry=a%20b');
    expect(entryPagePath()).toBe('/popup.html?popout=1');
  });
});

describe('backup progress', () => {
  it('writes phase changes and the last step, at most one step per interval, in order, then clears', async () => {
    const written: Array<BackupProgress | null> = [];
    let now = 0;
    const reporter = createProgressReporter('import', async (p) => void written.push(p), () => now, 100);
    reporter.report('Decrypting the backup', 0, 1000);
    for (let i = 1; i <= 1000; i += 1) {
      now += 1;
      reporter.report('Decrypting the backup', i, 1000);
    }
    reporter.report('Saving entries', 0, 10);
    await reporter.finish();
    expect(written.length).toBeLessThan(15);
    expect(written.at(-3)).toEqual({ operation: 'import', phase: 'Decrypting the backup', done: 1000, total: 1000 });
    expect(written.at(-2)).toMatchObject({ phase: 'Saving entries' });
    expect(written.at(-1)).toBeNull();
  });
});
