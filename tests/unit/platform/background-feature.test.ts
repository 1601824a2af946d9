import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { keyMatches, listen } from '../../../platform/background-feature';
import type { Handlers } from '../../../platform/router';

beforeEach(() => fakeBrowser.reset());

describe('alarm and notification keys: one convention', () => {
  it('an exact key takes that name only; `prefix*` takes every name that starts with prefix', () => {
    expect(keyMatches('check-failing', 'check-failing')).toBe(true);
    expect(keyMatches('check-failing', 'check-failing:2')).toBe(false);
    expect(keyMatches('capture*', 'capture:abc')).toBe(true);
    expect(keyMatches('capture*', 'capture-expired:abc')).toBe(true);
    expect(keyMatches('capture*', 'captur')).toBe(false);
    expect(keyMatches('capture', 'capture:abc')).toBe(false);
  });

  it('dispatches alarms and notification clicks by the same rule', async () => {
    const seen: string[] = [];
    const record = (what: string) => async (name: string) => void seen.push(`${what} ${name}`);
    const feature = {
      handlers: {},
      alarms: { clock: record('alarm'), 'capture.*': record('alarm*') },
      notificationClicks: { 'check-failing': record('click'), 'capture*': record('click*') },
    };
    listen([feature], {} as Handlers);
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'clock', scheduledTime: 0 } as never);
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'clock-2', scheduledTime: 0 } as never);
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'capture.expiry', scheduledTime: 0 } as never);
    await fakeBrowser.notifications.onClicked.trigger('check-failing');
    await fakeBrowser.notifications.onClicked.trigger('check-failing-2');
    await fakeBrowser.notifications.onClicked.trigger('capture:abc');
    expect(seen).toEqual(['alarm clock', 'alarm* capture.expiry', 'click check-failing', 'click* capture:abc']);
  });
});
