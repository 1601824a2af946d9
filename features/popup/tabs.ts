/** The popup's sections; the pop-out (a tab) also has the Timeline, too wide for the popup. */
export type Tab = 'entries' | 'authorize' | 'timeline' | 'settings' | 'backup';

export const POPUP_TABS: Tab[] = ['entries', 'authorize', 'settings', 'backup'];
export const POPOUT_TABS: Tab[] = ['entries', 'authorize', 'timeline', 'settings', 'backup'];
