import { useEffect, useState } from 'react';

/**
 * `flag`, but only once it has stayed true for `delayMs`; false as soon as it is false. A
 * busy indicator for a request that usually answers in milliseconds would only flash (and
 * Mantine's loader animates in and out, work the operator-latency profile showed on every
 * Encrypt click); behind a slow upstream it still appears.
 */
export function useDelayedFlag(flag: boolean, delayMs: number): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!flag) {
      setShown(false);
      return undefined;
    }
    const timer = setTimeout(() => setShown(true), delayMs);
    return () => clearTimeout(timer);
  }, [flag, delayMs]);
  return flag && shown;
}
