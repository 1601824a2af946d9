import fs from 'node:fs/promises';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/** Static fixture pages: `server.url('/harness/plain.html')` serves `tests/e2e/fixtures/harness/plain.html`. */
export const FIXTURES_DIR = path.resolve(import.meta.dirname, '..', 'fixtures');

export interface ReceivedRequest {
  method: string;
  /** Path plus query, as received (`/callback?state=abc`). */
  path: string;
  /** Parsed absolute URL on this server. */
  url: URL;
  headers: IncomingMessage['headers'];
  body: string;
  at: number;
}

export type RouteHandler = (req: ReceivedRequest, res: ServerResponse) => void | Promise<void>;
export type RouteResponse = { status?: number; headers?: Record<string, string>; contentType?: string; body?: string };

export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  readonly port: number;
  /** Absolute URL on this server: `server.url('/callback?x=1')`. */
  url(pathAndQuery?: string): string;
  /**
   * Answer one path (query ignored) dynamically; wins over static fixtures. Later calls replace earlier ones.
   * Pass a handler or a canned response.
   */
  route(pathname: string, handler: RouteHandler | RouteResponse): void;
  /** Every request received, oldest first (static, routed and 404s alike). */
  readonly requests: readonly ReceivedRequest[];
  /** Resolves with the first request (already received or future) whose pathname matches. */
  waitForRequest(match: string | ((req: ReceivedRequest) => boolean), timeoutMs?: number): Promise<ReceivedRequest>;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Reads a fixture file (path relative to `tests/e2e/fixtures/`), refusing paths that leave that folder. */
export async function readFixture(relativePath: string): Promise<Buffer> {
  return fs.readFile(fixturePath(relativePath));
}

export function fixturePath(relativePath: string): string {
  const file = path.resolve(FIXTURES_DIR, relativePath.replace(/^\/+/, ''));
  if (file !== FIXTURES_DIR && !file.startsWith(FIXTURES_DIR + path.sep)) {
    throw new Error(`Fixture path escapes tests/e2e/fixtures: ${relativePath}`);
  }
  return file;
}

/** Starts a server on 127.0.0.1 with a port the OS picks. */
export async function startTestServer(): Promise<TestServer> {
  const routes = new Map<string, RouteHandler>();
  const requests: ReceivedRequest[] = [];
  const waiters = new Set<(req: ReceivedRequest) => void>();

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const received: ReceivedRequest = {
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        url: new URL(req.url ?? '/', origin),
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now(),
      };
      requests.push(received);
      for (const waiter of waiters) waiter(received);
      void respond(received, res).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`test server error: ${error instanceof Error ? error.message : String(error)}`);
      });
    });
  });

  async function respond(req: ReceivedRequest, res: ServerResponse): Promise<void> {
    const handler = routes.get(req.url.pathname);
    if (handler) return handler(req, res);
    if (req.method !== 'GET' && req.method !== 'HEAD') return notFound(res, req);
    let file: string;
    try {
      file = fixturePath(decodeURIComponent(req.url.pathname));
      if ((await fs.stat(file)).isDirectory()) file = path.join(file, 'index.html');
      const body = await fs.readFile(file);
      res.writeHead(200, { 'content-type': contentTypeOf(file), 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      notFound(res, req);
    }
  }

  function notFound(res: ServerResponse, req: ReceivedRequest): void {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(`404: no fixture or route for ${req.url.pathname}`);
  }

  // Browsers keep connections alive; without this, close() would wait for them.
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    port,
    url: (pathAndQuery = '/') => new URL(pathAndQuery, origin).href,
    route(pathname, handler) {
      if (!pathname.startsWith('/')) throw new Error(`server.route needs a path starting with "/": ${pathname}`);
      routes.set(
        pathname,
        typeof handler === 'function'
          ? handler
          : (_req, res) => {
              res.writeHead(handler.status ?? 200, {
                'content-type': handler.contentType ?? 'text/html; charset=utf-8',
                ...handler.headers,
              });
              res.end(handler.body ?? '');
            },
      );
    },
    requests,
    waitForRequest(match, timeoutMs = 10_000) {
      const test =
        typeof match === 'string' ? (r: ReceivedRequest) => r.url.pathname === match : match;
      const seen = requests.find(test);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          const got = requests.map((r) => `${r.method} ${r.path}`).join(', ') || 'none';
          reject(new Error(`test server: no request matching ${String(match)} within ${timeoutMs} ms (received: ${got})`));
        }, timeoutMs);
        const waiter = (r: ReceivedRequest) => {
          if (!test(r)) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve(r);
        };
        waiters.add(waiter);
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A 127.0.0.1 port nobody listens on (bind, read, close), for "redirect host unreachable" tests.
 * Another process could take it in the meantime; on a test machine that is vanishingly rare.
 */
export async function unusedPort(): Promise<number> {
  const probe = http.createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', resolve);
  });
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
