import { z } from 'zod';

/** The LWA token endpoint (docs/amazon.md §2); the same host in every SP-API region. */
export const DEFAULT_TOKEN_ENDPOINT = 'https://api.amazon.com/auth/o2/token';

/**
 * Hosts the token endpoint may point at: Amazon's (api.amazon.com; the regional ones other Amazon APIs use)
 * over https, or this computer (a local proxy, the tests). Each must be listed in the manifest's
 * optional_host_permissions. A setting can never send the client secret anywhere else.
 */
export const TOKEN_ENDPOINT_HOSTS = ['api.amazon.com', 'api.amazon.co.uk', 'api.amazon.co.jp'] as const;
export const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost'] as const;

export const TOKEN_ENDPOINT_PERMISSIONS = [
  ...TOKEN_ENDPOINT_HOSTS.map((h) => `https://${h}/*`),
  ...LOOPBACK_HOSTS.flatMap((h) => [`http://${h}/*`, `https://${h}/*`]),
];

export function checkTokenEndpoint(raw: string): { ok: true; url: URL } | { ok: false; message: string } {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, message: `This is not a URL. The default is ${DEFAULT_TOKEN_ENDPOINT}.` };
  }
  if (url.username || url.password || url.hash || url.search) {
    return { ok: false, message: 'The token endpoint cannot carry a user name, password, query or # fragment.' };
  }
  const loopback = (LOOPBACK_HOSTS as readonly string[]).includes(url.hostname);
  const amazon = url.protocol === 'https:' && (TOKEN_ENDPOINT_HOSTS as readonly string[]).includes(url.hostname) && url.port === '';
  if (!amazon && !(loopback && (url.protocol === 'http:' || url.protocol === 'https:'))) {
    return {
      ok: false,
      message: `The token endpoint must be Amazon's (https://${TOKEN_ENDPOINT_HOSTS.join(', https://')}) or on this computer (127.0.0.1 or localhost). The default is ${DEFAULT_TOKEN_ENDPOINT}.`,
    };
  }
  return { ok: true, url };
}

/** The match pattern `permissions.request` asks for: the endpoint's scheme and host, any path and port. */
export function endpointPermission(endpoint: string): string {
  const url = new URL(endpoint);
  return `${url.protocol}//${url.hostname}/*`;
}

export const captureSettingsSchema = z.object({
  /** Show "Exchange for a refresh token" (off by default: Cleo and most tools exchange the code themselves). */
  tokenExchange: z.boolean(),
  tokenEndpoint: z.string().refine((v) => checkTokenEndpoint(v).ok, { message: 'not an allowed token endpoint' }),
  /** Open sign-in in an incognito window when LWA Vault is allowed there (as Cleo recommends). */
  preferIncognito: z.boolean(),
  /** Check every entry's credentials once a day while the vault is unlocked (off by default). */
  dailyCheck: z.boolean(),
});
export type CaptureSettings = z.infer<typeof captureSettingsSchema>;

export const DEFAULT_CAPTURE_SETTINGS: CaptureSettings = {
  tokenExchange: false,
  tokenEndpoint: DEFAULT_TOKEN_ENDPOINT,
  preferIncognito: false,
  dailyCheck: false,
};
