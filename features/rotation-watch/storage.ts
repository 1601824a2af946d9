import { storage } from 'wxt/utils/storage';
import type { Sighting, SightingStorage } from './sightings';

/** Sightings live in storage.session: memory only, cleared with the browser, not readable by content scripts. */
const sightingsItem = storage.defineItem<Record<string, Sighting>>('session:rotationSightings', { fallback: {} });

export const sightingStorage: SightingStorage = {
  get: () => sightingsItem.getValue(),
  set: (value) => sightingsItem.setValue(value),
};
