import type { BenchContext, BenchRow } from './types';

export function blankPagePaint(ctx: BenchContext, runs?: number): Promise<number>;
export function ratioRow(name: string, value: number, blank: number, limit: number): BenchRow;
export function writeBlankPage(): void;
