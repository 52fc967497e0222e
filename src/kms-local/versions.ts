/** `GET /` and `GET /{version_id}` (KMS-API-2.md §8.5): the one API version served. */
import type { ApiVersion } from '../shared/kms';

export const API_VERSION_ID = 'v1.0';

/** The date Huawei's example gives for v1.0; the local KMS has changed nothing since. */
const V1_UPDATED = '2018-09-05T08:18:05Z';

export function apiVersion(baseUrl: string): ApiVersion {
  return {
    id: API_VERSION_ID,
    links: [{ href: `${baseUrl}/${API_VERSION_ID}/`, rel: 'self' }],
    version: '',
    status: 'CURRENT',
    updated: V1_UPDATED,
    min_version: '',
  };
}
