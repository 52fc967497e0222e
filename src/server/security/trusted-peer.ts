/**
 * Whether a connection's peer is a proxy the console trusts (CONSOLE_TRUST_PROXY). Such a peer
 * carries many clients' requests, so per-client connection caps do not apply to it.
 */
import { BlockList, isIP } from 'node:net';
import type { TrustProxy } from '../config';

export function trustedPeer(trustProxy: TrustProxy): (address: string) => boolean {
  // A hop count trusts whoever connects, as Fastify does.
  if (trustProxy === true || typeof trustProxy === 'number') return () => true;
  if (trustProxy === false) return () => false;
  const trusted = new BlockList();
  for (const entry of trustProxy) {
    const [address = '', prefix] = entry.split('/');
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) trusted.addAddress(address, family);
    else trusted.addSubnet(address, Number(prefix), family);
  }
  return (address) => {
    const bare = address.replace(/^::ffff:(?=\d+\.)/, '');
    return trusted.check(bare, isIP(bare) === 6 ? 'ipv6' : 'ipv4');
  };
}
