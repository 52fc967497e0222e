/**
 * DNS rebinding defence for both servers. A page on a name the attacker controls can rebind
 * that name to 127.0.0.1 and then talk to a local server "same-origin"; the browser still
 * sends the attacker's name in Host. So a server answers only the names it is known by:
 * - loopback names and IP literals on the port it listens on (an IP literal cannot be
 *   rebound: the browser connected to exactly that address);
 * - the names it is configured with (public URLs, extra host names).
 */
import { isIP } from 'node:net';

/** A configured name: on one port, or on any port when `port` is absent. */
export interface AllowedHost {
  name: string;
  port?: number;
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '::1']);
/** A Host without a port was sent to the scheme's default port, and we cannot tell which. */
const DEFAULT_PORTS = [80, 443];

interface ParsedHost {
  name: string;
  port?: number;
}

/** `name[:port]` or `[ipv6][:port]`, lower-cased, brackets dropped; null when malformed. */
export function parseHostHeader(value: string | undefined): ParsedHost | null {
  if (value === undefined) return null;
  const match = /^(?:\[([0-9A-Fa-f:.]+)\]|([^\s:[\]/@]+))(?::(\d{1,5}))?$/.exec(value.trim());
  if (!match) return null;
  const [, ipv6, name, port] = match;
  if (ipv6 !== undefined && isIP(ipv6) !== 6) return null;
  const host: ParsedHost = { name: (ipv6 ?? name!).toLowerCase() };
  if (port !== undefined) host.port = Number(port);
  return host;
}

/** The host of an http(s) URL as an allowlist entry: its port, or the scheme's default. */
export function allowedHostOfUrl(url: string): AllowedHost {
  const parsed = new URL(url);
  const port = parsed.port !== '' ? Number(parsed.port) : parsed.protocol === 'https:' ? 443 : 80;
  return { name: parsed.hostname.replace(/^\[|\]$/g, '').toLowerCase(), port };
}

/** `name` or `name:port` as written in a setting such as LOCAL_KMS_ALLOWED_HOSTS. */
export function allowedHostOfText(text: string): AllowedHost | null {
  const parsed = parseHostHeader(text);
  return parsed === null ? null : { ...parsed };
}

function portMatches(sent: number | undefined, expected: number | undefined): boolean {
  if (expected === undefined) return true;
  return sent === undefined ? DEFAULT_PORTS.includes(expected) : sent === expected;
}

export class HostAllowlist {
  private readonly named: readonly AllowedHost[];

  constructor(named: readonly AllowedHost[]) {
    this.named = named.map((entry) => ({ ...entry, name: entry.name.toLowerCase() }));
  }

  /**
   * `localPort` is the port the request's connection reached (the port the server listens
   * on, also when it was given port 0); undefined for a request injected in-process, which
   * no browser can send, so loopback is then taken on any port.
   */
  allows(hostHeader: string | undefined, localPort: number | undefined): boolean {
    const host = parseHostHeader(hostHeader);
    if (host === null) return false;
    if (LOOPBACK_NAMES.has(host.name) || isIP(host.name) !== 0) {
      if (portMatches(host.port, localPort)) return true;
    }
    return this.named.some(
      (entry) => entry.name === host.name && portMatches(host.port, entry.port),
    );
  }
}
