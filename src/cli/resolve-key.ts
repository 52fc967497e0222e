import { keyIdSchema, LIST_KEYS_LIMIT_MAX, listKeysResponseSchema } from '../shared/kms';
import { KmsCallError, type KmsConnection } from './kms-connection';

/** A key id as given, or the id of the key whose alias it is (list-keys, page by page). */
export async function resolveKeyId(kms: KmsConnection, keyOrAlias: string): Promise<string> {
  if (keyIdSchema.safeParse(keyOrAlias).success) return keyOrAlias;
  let marker: string | undefined;
  for (;;) {
    const page = listKeysResponseSchema.parse(
      await kms.call('list-keys', {
        limit: String(LIST_KEYS_LIMIT_MAX),
        // Without it KMS lists AES_256 keys only; SM4 keys make data keys too.
        key_spec: 'ALL',
        ...(marker !== undefined ? { marker } : {}),
      }),
    );
    const key = page.key_details.find((details) => details.key_alias === keyOrAlias);
    if (key) return key.key_id;
    if (page.truncated !== 'true' || page.next_marker === '') break;
    marker = page.next_marker;
  }
  throw new KmsCallError('CLI.KEY_NOT_FOUND', `No key has the id or alias "${keyOrAlias}".`);
}
