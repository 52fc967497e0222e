/**
 * Whether the session ended under the operator (it expired, or the server refused it) rather
 * than by Sign out. Only then does the app keep the page, hidden, behind the sign-in form, so
 * signing in again returns to it as it was; a deliberate sign-out drops everything.
 */
type Listener = () => void;

let expired = false;
const listeners = new Set<Listener>();

function set(value: boolean): void {
  if (expired === value) return;
  expired = value;
  listeners.forEach((listener) => listener());
}

export const sessionEnd = {
  isExpired: (): boolean => expired,
  markExpired: (): void => set(true),
  clear: (): void => set(false),
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

/** How long before the end the warning shows: two minutes, or half of a shorter session. */
export function warningLeadMs(lifetimeMs: number): number {
  return Math.min(120_000, lifetimeMs / 2);
}
