/** Test helpers: instants written as ISO strings with explicit offsets, so every fixture says what it means. */
export const at = (iso: string): number => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`bad ISO instant in a fixture: ${iso}`);
  return ms;
};

export const DAY = 86_400_000;
export const MINUTE = 60_000;
