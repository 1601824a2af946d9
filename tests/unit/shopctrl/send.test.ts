import { describe, expect, it } from 'vitest';
import { handOffToShopCtrl } from '../../../features/shopctrl/send';
import { parseShopCtrlUrl } from '../../../features/shopctrl/url';
import { fakeTabs } from '../rotation-watch/helpers';

const SETTINGS = parseShopCtrlUrl('https://acme.shopctrl.com/Configuration/Shops/Edit/7')!;
const REQUEST = { clientSecret: 's', extras: {}, waitMs: 0, directions: 'd' };

describe('handOffToShopCtrl', () => {
  it('focuses the tab already showing the settings page instead of opening another', async () => {
    const tabs = fakeTabs({ tabs: [{ id: 1, windowId: 1, url: 'https://acme.shopctrl.com/Dashboard' }, { id: 2, windowId: 1, url: `${SETTINGS.href}?tab=1` }] });
    const { opened } = await handOffToShopCtrl(tabs.api, SETTINGS, REQUEST);
    expect(opened).toBe(false);
    expect(tabs.calls).toEqual(['focus 2', 'fill 2']);
  });

  it('opens the settings page when no tab shows it', async () => {
    const tabs = fakeTabs({ tabs: [{ id: 1, windowId: 1, url: 'https://acme.shopctrl.com/Dashboard' }] });
    const { opened, result } = await handOffToShopCtrl(tabs.api, SETTINGS, REQUEST);
    expect(opened).toBe(true);
    expect(result.present).toBe(true);
    expect(tabs.calls).toEqual([`open ${SETTINGS.href}`, 'focus 100', 'fill 100']);
  });

  it('tries again at the next load when the page was not scriptable yet', async () => {
    let attempts = 0;
    const tabs = fakeTabs({
      answer: () => {
        attempts++;
        if (attempts < 3) throw new Error('error page');
        return { present: true, filled: ['clientSecret'], unchanged: [], offered: [] };
      },
    });
    await handOffToShopCtrl(tabs.api, SETTINGS, REQUEST);
    expect(attempts).toBe(3);
  });

  it('never fills a tab that ended up on another host', async () => {
    const tabs = fakeTabs({ landOn: 'https://login.example.com/' });
    await expect(handOffToShopCtrl(tabs.api, SETTINGS, REQUEST, 1000, () => 0)).rejects.toThrow('not on acme.shopctrl.com');
    expect(tabs.calls.some((c) => c.startsWith('fill'))).toBe(false);
  });
});
