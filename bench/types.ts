import type { BrowserContext, Page, Worker } from '@playwright/test';
import type { ExtensionBrowser, RoutedResponse, TestServer, UrlMatcher } from '../tests/e2e/fixtures';

export interface BenchContext {
  extension: ExtensionBrowser;
  readonly context: BrowserContext;
  readonly worker: Worker;
  readonly extensionId: string;
  openPopup(): Promise<Page>;
  server: TestServer;
  routeAmazon(url: UrlMatcher, response: RoutedResponse): Promise<void>;
}

export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  /** The budget as a reader sees it, e.g. "≤ 50 ms". */
  budget?: string;
  ok?: boolean;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

export const median = (values: number[]) => percentile(values, 50);
