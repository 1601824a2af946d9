import { useEffect, useState } from 'preact/hooks';

/**
 * WebCrypto's PBKDF2 reports no progress, so this fills over the time the last derivation took on this
 * machine and holds at 95 % until the answer arrives.
 */
export function DeriveProgress({ expectedMs, label }: { expectedMs: number; label: string }) {
  const [percent, setPercent] = useState(0);
  useEffect(() => {
    const started = performance.now();
    const expected = expectedMs > 0 ? expectedMs : 800;
    const timer = setInterval(() => {
      setPercent(Math.min(95, Math.round(((performance.now() - started) / expected) * 100)));
    }, 50);
    return () => clearInterval(timer);
  }, [expectedMs]);
  return (
    <div role="status" aria-live="polite">
      <p>{label}</p>
      <progress max={100} value={percent} aria-label={label} />
    </div>
  );
}
