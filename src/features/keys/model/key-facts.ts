import type { PublicConfig } from '../../../shared/console/config';
import type { KeyDetails } from '../../../shared/kms';

/** describe-key's creation_date is milliseconds since the epoch, as a string. */
export function keyCreatedAt(key: Pick<KeyDetails, 'creation_date'>): string | undefined {
  const millis = Number(key.creation_date);
  if (key.creation_date === '' || !Number.isFinite(millis) || millis <= 0) return undefined;
  return new Date(millis).toISOString();
}

/**
 * The Huawei Cloud console's key list, where a disabled key is enabled again: only for the
 * cloud, and only when the console knows the region (a bare endpoint reports `unknown`).
 */
export function cloudKeyListUrl(
  config: Pick<PublicConfig, 'upstream' | 'region'> | undefined,
): string | undefined {
  if (config?.upstream !== 'cloud' || !/^[a-z0-9-]+$/.test(config.region)) return undefined;
  if (config.region === 'unknown') return undefined;
  return `https://console.huaweicloud.com/dew/?region=${config.region}#/kms/keyList/customKey`;
}
