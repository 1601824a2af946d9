import type { BenchContext, BenchRow } from './types';

export function writeBlankPage(): void;
export function alongsideBlankPage(ctx: BenchContext, measure: () => Promise<number>, runs?: number): Promise<{ blank: number; value: number; ratio: number }>;
export function ratioRow(name: string, ratio: number, limit: number): BenchRow;
