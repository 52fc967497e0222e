/**
 * Reads a Chrome trace (what `browser.startTracing` records) and says where the renderer's main
 * thread spent the windows between pairs of User Timing marks: self time per trace event
 * (style recalculation, layout, paint, script, ...), per window on average. A JS CPU profile
 * lumps all of Blink's own work into "(program)"; the trace names it.
 */
import { readFileSync } from 'node:fs';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  cat?: string;
}

export interface TraceWindowSummary {
  windows: number;
  /** Average length of a window, ms. */
  windowMs: number;
  /** Average time per window the main thread ran no traced task, ms. */
  idleMs: number;
  top: { name: string; selfMs: number; share: number }[];
}

function eventsOf(file: string): TraceEvent[] {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as
    { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
}

export function summariseTraceWindows(
  file: string,
  startMark: string,
  endMark: string,
  topCount = 12,
): TraceWindowSummary {
  const events = eventsOf(file);
  const isMark = (event: TraceEvent) => (event.cat ?? '').includes('blink.user_timing');
  const end = events.find((event) => event.name === endMark && isMark(event));
  if (!end) throw new Error(`no "${endMark}" mark in ${file}`);
  // The page makes its marks on the renderer's main thread: that is the thread to look at
  // (Chrome's own navigationStart may also be marked by other renderers, e.g. about:blank).
  const thread = (event: TraceEvent) => event.pid === end.pid && event.tid === end.tid;
  const marks = events.filter(
    (event) =>
      (event.name === startMark || event.name === endMark) && isMark(event) && thread(event),
  );
  const windows: [number, number][] = [];
  let openedAt: number | undefined;
  for (const mark of [...marks].sort((a, b) => a.ts - b.ts)) {
    if (mark.name === startMark) openedAt = mark.ts;
    else if (openedAt !== undefined) {
      windows.push([openedAt, mark.ts]);
      openedAt = undefined;
    }
  }

  const complete = events
    .filter((event) => event.ph === 'X' && event.dur !== undefined && thread(event))
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const selfUs = new Map<string, number>();
  let busyUs = 0;
  let windowUs = 0;
  for (const [from, to] of windows) {
    windowUs += to - from;
    // Clip each event to the window, then take its children's time off its own.
    const inside = complete
      .map((event) => ({
        name: event.name,
        start: Math.max(event.ts, from),
        end: Math.min(event.ts + event.dur!, to),
      }))
      .filter((event) => event.end > event.start);
    const stack: { name: string; end: number; childUs: number; start: number }[] = [];
    const close = (until: number) => {
      while (stack.length > 0 && stack[stack.length - 1]!.end <= until) {
        const done = stack.pop()!;
        const own = done.end - done.start - done.childUs;
        selfUs.set(done.name, (selfUs.get(done.name) ?? 0) + own);
        const parent = stack[stack.length - 1];
        if (parent) parent.childUs += done.end - done.start;
        else busyUs += done.end - done.start;
      }
    };
    for (const event of inside) {
      close(event.start);
      stack.push({ ...event, childUs: 0 });
    }
    close(Number.POSITIVE_INFINITY);
  }
  const count = Math.max(1, windows.length);
  return {
    windows: windows.length,
    windowMs: windowUs / count / 1000,
    idleMs: (windowUs - busyUs) / count / 1000,
    top: [...selfUs.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, topCount)
      .map(([name, us]) => ({
        name,
        selfMs: us / count / 1000,
        share: windowUs > 0 ? (100 * us) / windowUs : 0,
      })),
  };
}
