import { describe, expect, it } from 'vitest';
import { connectHost, isLoopbackHost, urlHost } from './address';

describe('isLoopbackHost', () => {
  it('knows loopback from the rest', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost']) {
      expect(isLoopbackHost(host)).toBe(true);
    }
    for (const host of ['0.0.0.0', '::', '192.168.1.10', 'example.com', '128.0.0.1']) {
      expect(isLoopbackHost(host)).toBe(false);
    }
  });
});

describe('connectHost and urlHost', () => {
  it('reach a server bound to every interface on loopback, IPv6 in brackets', () => {
    expect(connectHost('0.0.0.0')).toBe('127.0.0.1');
    expect(connectHost('::')).toBe('[::1]');
    expect(connectHost('::1')).toBe('[::1]');
    expect(connectHost('kms.internal')).toBe('kms.internal');
    expect(urlHost('127.0.0.1')).toBe('127.0.0.1');
    expect(urlHost('fe80::1')).toBe('[fe80::1]');
  });
});
