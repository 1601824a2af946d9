/** An operation in progress: an indeterminate bar with a sentence saying what is happening. */
export function Working({ label }: { label: string }) {
  return (
    <div class="working" role="status">
      <progress aria-label={label} />
      <span>{label}</span>
    </div>
  );
}
