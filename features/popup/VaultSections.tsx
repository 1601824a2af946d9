import type { Tab } from './tabs';
import type { DeepLink } from '../entries/ui/deep-link';
import { Timeline } from '../deadlines/ui/Timeline';
import { Authorize } from '../authorize/ui/Authorize';
import { Backup } from '../backup/ui/Backup';
import { Entries } from '../entries/ui/Entries';
import { Settings } from '../settings/ui/Settings';

const TAB_LABELS: Record<Tab, string> = {
  entries: 'Entries',
  authorize: 'Authorize',
  timeline: 'Timeline',
  settings: 'Settings',
  backup: 'Backup',
};

interface Props {
  tabs: Tab[];
  tab: Tab;
  setTab: (tab: Tab) => void;
  onTabKey: (event: KeyboardEvent) => void;
  link: DeepLink;
  onLocked: () => void;
}

/** The unlocked vault: section tabs and their panels. */
export function VaultSections({ tabs, tab, setTab, onTabKey, link, onLocked }: Props) {
  return (
    <>
      <nav class="tabs" role="tablist" aria-label="Sections" onKeyDown={onTabKey}>
        {tabs.map((name) => (
          <button
            type="button"
            role="tab"
            id={`tab-${name}`}
            aria-controls="tab-panel"
            aria-selected={tab === name}
            tabIndex={tab === name ? 0 : -1}
            onClick={() => setTab(name)}
          >
            {TAB_LABELS[name]}
          </button>
        ))}
      </nav>
      <div role="tabpanel" id="tab-panel" aria-labelledby={`tab-${tab}`}>
        {tab === 'entries' && <Entries openEntry={link && 'entryId' in link ? link : undefined} onLocked={onLocked} />}
        {tab === 'timeline' && <Timeline onLocked={onLocked} />}
        {tab === 'authorize' && <Authorize />}
        {tab === 'settings' && <Settings />}
        {tab === 'backup' && <Backup />}
      </div>
    </>
  );
}
