import { useCallback, useEffect, useRef, useState } from 'react';

/** How long a status message (and its Undo) stays: long enough to read and change one's mind. */
export const TRANSIENT_MS = 6000;

/**
 * A message that goes away by itself after a few seconds; showing another replaces it.
 * `onExpire` runs when it goes away by itself or the page closes (e.g. to commit a delete).
 */
export function useTransient<T>(): {
  current: T | undefined;
  show: (value: T, onExpire?: () => void) => void;
  dismiss: () => void;
} {
  const [current, setCurrent] = useState<T | undefined>();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const expire = useRef<(() => void) | undefined>(undefined);

  const settle = useCallback((commit: boolean) => {
    clearTimeout(timer.current);
    const pending = expire.current;
    expire.current = undefined;
    if (commit) pending?.();
  }, []);

  const show = useCallback(
    (value: T, onExpire?: () => void) => {
      settle(true);
      expire.current = onExpire;
      setCurrent(value);
      timer.current = setTimeout(() => {
        settle(true);
        setCurrent(undefined);
      }, TRANSIENT_MS);
    },
    [settle],
  );

  /** Goes away now without its `onExpire` (Undo, or closed by hand). */
  const dismiss = useCallback(() => {
    settle(false);
    setCurrent(undefined);
  }, [settle]);

  useEffect(() => {
    const onPageHide = () => settle(true);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      window.removeEventListener('pagehide', onPageHide);
      settle(true);
    };
  }, [settle]);

  return { current, show, dismiss };
}
