import { useState } from 'react';
import type { CombinedError, OperationResult } from 'urql';

/**
 * One step of a facilitator's or moderator's work: runs it, keeps the API's error (shown by
 * ErrorBox, announced) or a short confirmation (announced by the page's status region), then
 * reloads what the screen shows.
 */
export function useAction(onDone: (notice: string) => void) {
  const [error, setError] = useState<CombinedError | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (
    step: () => Promise<OperationResult<unknown>>,
    notice: string,
  ): Promise<boolean> => {
    setBusy(true);
    try {
      const r = await step();
      setError(r.error ?? null);
      if (!r.error) onDone(notice);
      return !r.error;
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, run, setError };
}

/** A `datetime-local` value (the device's time) as the API's ISO instant. */
export const toInstant = (local: string) => new Date(local).toISOString();

/** Today's date as a `date` input value, in the device's time. */
export function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
