import { storage } from 'wxt/utils/storage';

/** How long the last key derivation took here, so the unlock screen can show honest progress. */
export const lastDeriveMsItem = storage.defineItem<number>('local:lastDeriveMs', { fallback: 0 });
