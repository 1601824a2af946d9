import type { VaultService } from './vault';

/**
 * The vault with every entry change reported to `onChange` once it has succeeded, so the badge follows edits
 * made by any feature of the background, not only by the entries screen. Unlock counts: it may complete
 * records stored before `hasSecret`.
 */
export function notifyOnChange<V extends Pick<VaultService, 'unlock' | 'createEntry' | 'updateEntry' | 'deleteEntry' | 'modifyEntry' | 'modifyEntries'>>(
  vault: V,
  onChange: () => void,
): V {
  const after =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const result = await call(...args);
      onChange();
      return result;
    };
  return {
    ...vault,
    unlock: after(vault.unlock.bind(vault)),
    createEntry: after(vault.createEntry.bind(vault)),
    updateEntry: after(vault.updateEntry.bind(vault)),
    deleteEntry: after(vault.deleteEntry.bind(vault)),
    modifyEntry: after(vault.modifyEntry.bind(vault)),
    modifyEntries: after(vault.modifyEntries.bind(vault)),
  };
}
