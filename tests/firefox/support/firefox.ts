/**
 * The built Firefox extension (.output/firefox-mv3) in Debian's firefox-esr, headless, driven by puppeteer-core
 * over WebDriver BiDi (docs/toolchain.md, "Firefox"): a fixed moz-extension uuid, extension pages opened with
 * a raw `browsingContext.navigate`, Amazon's https URLs answered by BiDi network interception, and the Browser
 * Console read from a chrome-scope context (extension errors never reach BiDi's log events).
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
/** An idle event page is suspended after this long (Firefox's default is 30 s): suspension happens in the run. */
export const BACKGROUND_IDLE_MS = 1500;

/** What an intercepted https request answers. */
export interface HttpAnswer {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
}

interface BidiCommand {
  send(method: string, params: object): Promise<{ result: unknown }>;
  on(event: string, handler: (params: never) => void): void;
}

interface BlockedRequest {
  isBlocked: boolean;
  request: { request: string; url: string };
}

interface ScriptError {
  error: boolean;
  source: string;
  text: string;
  at: number;
}

export class FirefoxExtension {
  private readonly answers: Array<(url: URL) => HttpAnswer | undefined> = [];
  private readonly seenErrors = new Set<string>();

  private constructor(
    readonly browser: Browser,
    readonly id: string,
    readonly uuid: string,
  ) {}

  static async launch(): Promise<FirefoxExtension> {
    const dir = path.resolve(process.env.FIREFOX_EXTENSION_PATH ?? path.join(REPO_ROOT, '.output', 'firefox-mv3'));
    const manifestFile = path.join(dir, 'manifest.json');
    if (!fs.existsSync(manifestFile)) throw new Error(`No Firefox build at ${dir}: run \`npm run build:firefox\` first.`);
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { browser_specific_settings: { gecko: { id: string } } };
    const id = manifest.browser_specific_settings.gecko.id;
    const uuid = randomUUID();
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
      headless: !process.env.HEADED,
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [id]: uuid }),
        'extensions.background.idle.timeout': BACKGROUND_IDLE_MS,
      },
    });
    const firefox = new FirefoxExtension(browser, id, uuid);
    try {
      await browser.installExtension(dir);
      await firefox.interceptHttps();
    } catch (error) {
      await browser.close();
      throw error;
    }
    return firefox;
  }

  get origin(): string {
    return `moz-extension://${this.uuid}`;
  }

  private get bidi(): BidiCommand {
    return (this.browser as unknown as { connection: BidiCommand }).connection;
  }

  /** An extension page in a new tab. `page.goto` never sees a moz-extension load finish: navigate over BiDi. */
  async openExtensionPage(pathname: string): Promise<Page> {
    const page = await this.browser.newPage();
    await this.navigate(page, `${this.origin}/${pathname.replace(/^\//, '')}`);
    return page;
  }

  async navigate(page: Page, url: string): Promise<void> {
    await this.bidi.send('browsingContext.navigate', { context: contextId(page), url, wait: 'complete' });
  }

  /**
   * Answers https requests (any tab, also those the extension opens) from the test: the first answer that
   * returns one wins, later ones first. Anything unanswered gets a 404, so no request leaves the machine.
   */
  answerHttps(answer: (url: URL) => HttpAnswer | undefined): void {
    this.answers.unshift(answer);
  }

  private async interceptHttps(): Promise<void> {
    await this.bidi.send('session.subscribe', { events: ['network.beforeRequestSent'] });
    await this.bidi.send('network.addIntercept', { phases: ['beforeRequestSent'], urlPatterns: [{ type: 'pattern', protocol: 'https' }] });
    this.bidi.on('network.beforeRequestSent', (event: BlockedRequest) => {
      if (!event.isBlocked) return;
      const url = new URL(event.request.url);
      const answer = this.answers.map((a) => a(url)).find((a) => a !== undefined) ?? { status: 404, body: '' };
      const headers = Object.entries({ 'content-type': 'text/html; charset=utf-8', ...answer.headers }).map(([name, value]) => ({
        name,
        value: { type: 'string', value },
      }));
      void this.bidi
        .send('network.provideResponse', {
          request: event.request.request,
          statusCode: answer.status ?? 200,
          reasonPhrase: answer.status === 302 ? 'Found' : 'OK',
          headers,
          body: { type: 'string', value: answer.body ?? '' },
        })
        .catch(() => undefined); // the tab went away meanwhile
    });
  }

  /** Evaluates `expression` in the browser's own (chrome-scope) window, where `Services` lives. */
  async chrome<T>(expression: string): Promise<T> {
    const { result: tree } = (await this.bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome' })) as { result: { contexts: Array<{ context: string }> } };
    const context = tree.contexts[0]!.context;
    const { result } = (await this.bidi.send('script.evaluate', { expression: `JSON.stringify(${expression})`, target: { context }, awaitPromise: true })) as {
      result: { type: string; result?: { value?: string }; exceptionDetails?: { text: string } };
    };
    if (result.type !== 'success') throw new Error(`chrome-scope evaluation failed: ${result.exceptionDetails?.text}`);
    return JSON.parse(result.result!.value!) as T;
  }

  /** The event page's state as Firefox's add-on manager sees it: `running`, `suspending`, `stopped`, … */
  backgroundState(): Promise<string> {
    return this.chrome(`String(WebExtensionPolicy.getByID(${JSON.stringify(this.id)}).extension.backgroundState)`);
  }

  /**
   * Errors from the extension (its pages, event page and content scripts) logged since the last call: script
   * errors and CSP reports from the Browser Console, and `console.error` calls.
   */
  async newExtensionErrors(): Promise<string[]> {
    const origin = JSON.stringify(this.origin);
    const all = await this.chrome<ScriptError[]>(`[
      ...Services.console.getMessageArray().filter((m) => m instanceof Ci.nsIScriptError)
        .map((m) => ({ error: !(m.flags & (Ci.nsIScriptError.warningFlag | Ci.nsIScriptError.infoFlag)), source: m.sourceName ?? '', text: m.errorMessage, at: m.timeStamp })),
      ...Cc['@mozilla.org/consoleAPI-storage;1'].getService(Ci.nsIConsoleAPIStorage).getEvents()
        .map((e) => ({ error: e.level === 'error', source: e.filename ?? '', text: (e.arguments ?? []).map(String).join(' '), at: e.timeStamp })),
    ].filter((m) => m.error && (m.source.startsWith(${origin}) || m.text.includes(${origin})))`);
    const fresh = all.map((e) => `${e.at} ${e.source}: ${e.text}`).filter((e) => !this.seenErrors.has(e));
    for (const e of fresh) this.seenErrors.add(e);
    return fresh;
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}

/** The BiDi browsing context id behind a Puppeteer page. */
export function contextId(page: Page): string {
  return (page.mainFrame() as unknown as { _id: string })._id;
}
