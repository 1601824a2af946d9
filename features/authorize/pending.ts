import { PENDING_TTL_MS } from '../amazon/redirect';
import type { Pending } from './model';

// Read by the popup's flow cards as well as the worker: no zod here (features/authorize/model.ts holds the schemas).

export type PendingStatus = 'waiting' | 'captured' | 'saved' | 'expired';

export function pendingStatus(p: Pending): PendingStatus {
  if (p.savedAt !== undefined) return 'saved';
  if (p.captureId !== undefined) return 'captured';
  if (p.expiredAt !== undefined) return 'expired';
  return 'waiting';
}

/** A pending authorization still waiting for its redirect at `now`. */
export function isWaiting(p: Pending, now: number): boolean {
  return p.captureId === undefined && p.expiredAt === undefined && now - p.startedAt < PENDING_TTL_MS;
}
