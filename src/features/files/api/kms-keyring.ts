import { postKms } from '../../../lib/api';
import { kmsKeyring, type CallKms, type Keyring } from '../../../shared/envelope';
import type { CreateDatakeyRequest, DecryptDatakeyRequest } from '../../../shared/kms';

/**
 * The envelope's data keys through the console server (`create-datakey`, `decrypt-datakey`):
 * only the data key crosses the network, never a byte of the file. The keyring's requests
 * are subsets of the shared contract's (the server validates them with it again).
 */
const callKmsThroughConsole: CallKms = (operation, body) =>
  operation === 'create-datakey'
    ? postKms('create-datakey', body as CreateDatakeyRequest)
    : postKms('decrypt-datakey', body as DecryptDatakeyRequest);

/** To encrypt: a fresh data key of `keyId`. To decrypt: no key, the header names it. */
export function consoleKeyring(keyId?: string): Keyring {
  return kmsKeyring({ callKms: callKmsThroughConsole, ...(keyId ? { keyId } : {}) });
}
