/** A plain object's shape, as JSON parses one: not null, not an array. For checking parsed data without zod. */
export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
