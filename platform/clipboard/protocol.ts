import { z } from 'zod';
import { message } from '../message';

export const clipboardProtocol = {
  /** A page of ours (or the panel on an Amazon page) just copied something; clear it later if unchanged. */
  'clipboard.copied': message('content', z.object({ hash: z.string().regex(/^[0-9a-f]{64}$/) })).replies<{
    clearsInSeconds: number;
  }>(),
} as const;
