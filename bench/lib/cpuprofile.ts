/**
 * Reads a V8 .cpuprofile (what `node --cpu-prof` writes) and ranks functions by self time:
 * the time the sampled stack had that function on top. Samples are weighted by their time
 * deltas, which is what DevTools does, rather than counted.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface SelfTimeEntry {
  functionName: string;
  /** `file:line`, relative to the repository when inside it; `node:` for Node's own code. */
  location: string;
  selfMs: number;
  /** Share of the sampled time, idle excluded. */
  percent: number;
}

export interface OriginEntry {
  /** `src/server`, `npm:fastify`, `node:http`, `(native)`, `(garbage collector)`, ... */
  origin: string;
  selfMs: number;
  percent: number;
}

export interface ProfileSummary {
  file: string;
  /** Sampled time, idle excluded. */
  busyMs: number;
  idleMs: number;
  top: SelfTimeEntry[];
  /** Self time grouped by where the code comes from: ours, a package, Node, native. */
  byOrigin: OriginEntry[];
}

/** Groups a location into the code it belongs to, to see which layer costs what. */
export function originOf(functionName: string, location: string): string {
  if (location === '') return functionName.startsWith('(') ? functionName : '(native)';
  if (location.startsWith('npm:')) {
    const parts = location.slice(4).split('/');
    return `npm:${parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]}`;
  }
  if (location.startsWith('node:')) {
    const module = location
      .slice(5)
      .replace(/^internal\//, '')
      .replace(/^_/, '')
      .split(/[/_:]/)[0];
    return `node:${module}`;
  }
  const parts = location.split('/');
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : (parts[0] ?? location);
}

function isCpuProfile(value: unknown): value is CpuProfile {
  const profile = value as Partial<CpuProfile> | null;
  return (
    typeof profile === 'object' &&
    profile !== null &&
    Array.isArray(profile.nodes) &&
    Array.isArray(profile.samples) &&
    Array.isArray(profile.timeDeltas)
  );
}

function locationOf(frame: CallFrame, repoRoot: string): string {
  if (frame.url === '') return '';
  let file = frame.url;
  if (file.startsWith('file://')) {
    file = path.relative(repoRoot, new URL(file).pathname);
    file = file.replace(/^node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?/, 'npm:');
  }
  // Line numbers in the profile start at 0.
  return `${file}:${frame.lineNumber + 1}`;
}

/**
 * A time window in microseconds of the monotonic clock. V8 stamps profile samples with the
 * same clock as `process.hrtime` (CLOCK_MONOTONIC on Linux, shared by every process), so the
 * process that drove the load can say which samples belong to which load.
 */
export interface ProfileWindow {
  fromUs: number;
  toUs: number;
}

export function nowUs(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

export function summariseProfile(
  file: string,
  topCount = 15,
  window?: ProfileWindow,
): ProfileSummary {
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!isCpuProfile(parsed)) throw new Error(`${file} is not a V8 .cpuprofile`);
  const repoRoot = path.resolve(import.meta.dirname, '..', '..');
  const nodes = new Map(parsed.nodes.map((node) => [node.id, node]));
  const selfMicros = new Map<
    string,
    { entry: Omit<SelfTimeEntry, 'selfMs' | 'percent'>; us: number }
  >();
  let idleUs = 0;
  let busyUs = 0;
  let sampledAt = parsed.startTime;
  parsed.samples.forEach((nodeId, index) => {
    // Each delta is the time since the previous sample: it belongs to this sample's stack.
    const delta = parsed.timeDeltas[index] ?? 0;
    sampledAt += delta;
    if (window && (sampledAt < window.fromUs || sampledAt > window.toUs)) return;
    const frame = nodes.get(nodeId)?.callFrame;
    if (!frame) return;
    if (frame.functionName === '(idle)') {
      idleUs += delta;
      return;
    }
    busyUs += delta;
    const functionName = frame.functionName || '(anonymous)';
    const location = locationOf(frame, repoRoot);
    const key = `${functionName}\u0000${location}`;
    const slot = selfMicros.get(key) ?? { entry: { functionName, location }, us: 0 };
    slot.us += delta;
    selfMicros.set(key, slot);
  });
  const top = [...selfMicros.values()]
    .sort((a, b) => b.us - a.us)
    .slice(0, topCount)
    .map(({ entry, us }) => ({
      ...entry,
      selfMs: us / 1000,
      percent: busyUs > 0 ? (100 * us) / busyUs : 0,
    }));
  const origins = new Map<string, number>();
  for (const { entry, us } of selfMicros.values()) {
    const origin = originOf(entry.functionName, entry.location);
    origins.set(origin, (origins.get(origin) ?? 0) + us);
  }
  const byOrigin = [...origins.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([origin, us]) => ({
      origin,
      selfMs: us / 1000,
      percent: busyUs > 0 ? (100 * us) / busyUs : 0,
    }));
  return { file, busyMs: busyUs / 1000, idleMs: idleUs / 1000, top, byOrigin };
}

/**
 * One profile out of several taken in turn (e.g. one per timed click): nodes renumbered,
 * samples and time deltas laid end to end, so self times add up across all of them.
 */
export function mergeProfiles(profiles: CpuProfile[]): CpuProfile {
  const merged: CpuProfile = {
    nodes: [],
    samples: [],
    timeDeltas: [],
    startTime: profiles[0]?.startTime ?? 0,
    endTime: profiles[0]?.startTime ?? 0,
  };
  let offset = 0;
  for (const profile of profiles) {
    const maxId = Math.max(0, ...profile.nodes.map((node) => node.id));
    for (const node of profile.nodes) {
      const children = (node as ProfileNode & { children?: number[] }).children;
      merged.nodes.push({
        ...node,
        id: node.id + offset,
        ...(children && { children: children.map((child) => child + offset) }),
      } as ProfileNode);
    }
    merged.samples.push(...profile.samples.map((sample) => sample + offset));
    merged.timeDeltas.push(...profile.timeDeltas);
    merged.endTime += profile.endTime - profile.startTime;
    offset += maxId;
  }
  return merged;
}
