import { describe, expect, it } from 'vitest';
import { entryHash, parseDeepLink } from '../../../../features/entries/ui/deep-link';

describe('deep links', () => {
  it('opens the entry a notification names', () => {
    expect(parseDeepLink('#entry=0f8c2a4e-1111-4a1b-9c3d-123456789abc')).toEqual({ entryId: '0f8c2a4e-1111-4a1b-9c3d-123456789abc' });
  });

  it('round-trips ids with characters that need escaping', () => {
    expect(parseDeepLink(entryHash('a b&c=d'))).toEqual({ entryId: 'a b&c=d' });
  });

  it('opens the timeline, and ignores anything else', () => {
    expect(parseDeepLink('#timeline')).toEqual({ timeline: true });
    expect(parseDeepLink('')).toBeUndefined();
    expect(parseDeepLink('#entry=')).toBeUndefined();
    expect(parseDeepLink('#something')).toBeUndefined();
  });
});
