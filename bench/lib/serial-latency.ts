/**
 * Latency of one request at a time over one keep-alive connection, timed with hrtime to the
 * microsecond. autocannon's histogram counts whole milliseconds, too coarse for a sub-millisecond
 * overhead; and under load, latency is mostly queueing (Little's law: connections /
 * throughput), which says nothing about what one request costs.
 */
import http from 'node:http';
import { median, percentile } from './report';

export interface SerialLatency {
  requests: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  meanMs: number;
}

function postOnce(
  agent: http.Agent,
  url: URL,
  headers: Record<string, string>,
  body: string,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

export async function measureSerialLatency(options: {
  url: string;
  body: string;
  headers?: Record<string, string>;
  requests: number;
  /** Requests sent first and not timed (connection set-up, JIT). */
  warmupRequests?: number;
}): Promise<SerialLatency> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const url = new URL(options.url);
  const headers = { 'content-type': 'application/json', ...options.headers };
  const samples: number[] = [];
  try {
    const total = (options.warmupRequests ?? 200) + options.requests;
    for (let i = 0; i < total; i += 1) {
      const start = process.hrtime.bigint();
      const status = await postOnce(agent, url, headers, options.body);
      const elapsedMs = Number(process.hrtime.bigint() - start) / 1e6;
      if (status !== 200) throw new Error(`POST ${options.url} answered ${status}`);
      if (i >= total - options.requests) samples.push(elapsedMs);
    }
  } finally {
    agent.destroy();
  }
  return {
    requests: samples.length,
    p50Ms: median(samples),
    p90Ms: percentile(samples, 90),
    p99Ms: percentile(samples, 99),
    meanMs: samples.reduce((sum, value) => sum + value, 0) / samples.length,
  };
}
