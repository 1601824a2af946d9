/**
 * One request from the background to an LWA or SP-API endpoint, read as JSON. Shared by the code exchange and
 * the credential check: no credentials or referrer, no redirects, no cache, a hard timeout, and a failed
 * request told apart into "no host access yet" (nothing left the browser), timeout, and unreachable.
 */
export interface EndpointDeps {
  fetch: typeof fetch;
  hasAccess: () => Promise<boolean>;
}

/**
 * A header outside the CORS safelist. With host access granted the extension's request goes straight out;
 * without it the browser first sends a body-less preflight, and a server that does not answer CORS never
 * receives the request — so no secret is spent on a request whose answer we could not read.
 */
export const EXCHANGE_MARKER_HEADER = 'X-LWA-Vault';

export type EndpointReply =
  | { type: 'answer'; status: number; ok: boolean; json: Record<string, unknown> | undefined; html: boolean }
  | { type: 'no-access' }
  | { type: 'timeout' }
  | { type: 'unreachable' };

export async function requestJson(
  url: string,
  init: { method: 'GET' | 'POST'; headers: Record<string, string>; body?: string; marker: string },
  deps: EndpointDeps,
  timeoutMs: number,
): Promise<EndpointReply> {
  let response: Response;
  try {
    response = await deps.fetch(url, {
      method: init.method,
      headers: { Accept: 'application/json', ...init.headers, [EXCHANGE_MARKER_HEADER]: init.marker },
      ...(init.body === undefined ? {} : { body: init.body }),
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'error',
      referrerPolicy: 'no-referrer',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'TimeoutError') return { type: 'timeout' };
    return { type: (await deps.hasAccess()) ? 'unreachable' : 'no-access' };
  }
  let text = '';
  try {
    text = await response.text();
  } catch (error) {
    if (error instanceof DOMException && error.name === 'TimeoutError') return { type: 'timeout' };
    return { type: 'unreachable' };
  }
  let json: Record<string, unknown> | undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) json = parsed as Record<string, unknown>;
  } catch {
    /* not JSON: the caller reports it */
  }
  const html = !json && (/^\s*</.test(text) || (response.headers.get('content-type') ?? '').includes('html'));
  return { type: 'answer', status: response.status, ok: response.ok, json, html };
}

/** The OAuth error code of a reply, only if it looks like one (never echo a server's free text). */
export function oauthError(json: Record<string, unknown> | undefined): string | undefined {
  const error = json?.error;
  return typeof error === 'string' && /^[a-z_]{1,60}$/.test(error) ? error : undefined;
}

export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded;charset=UTF-8';
