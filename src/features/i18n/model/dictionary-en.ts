/**
 * English: the reference dictionary. Every key here must exist in every other language (the
 * type of the other dictionaries enforces it, a unit test checks the placeholders too).
 */
export const en = {
  'app.name': 'KMS Encrypt Console',

  'common.cancel': 'Cancel',
  'common.close': 'Close',
  'common.done': 'Done',
  'common.dismiss': 'Dismiss',

  'layout.skipToContent': 'Skip to content',
  'layout.navigation': 'Main',
  'layout.signOut': 'Sign out',
  'layout.loading': 'Loading',
  'layout.footer':
    'Plaintext is sent to the KMS and never stored. The history lives only in this browser and holds ciphertext and key details, never plaintext.',
  'layout.configFailed': 'Could not read the console configuration',
  'layout.pageFailed': 'This page could not be loaded',
  'layout.pageFailedDetail':
    'Check the connection to the console, then reload. Nothing is lost: the history is kept in this browser.',
  'layout.reload': 'Reload',

  'nav.encrypt': 'Encrypt',
  'nav.decrypt': 'Decrypt',
  'nav.history': 'History',

  'language.current': 'Language: {language}',
  'language.switchTo': 'Switch language to {language}',
  'theme.toDark': 'Switch to dark theme',
  'theme.toLight': 'Switch to light theme',

  'upstream.label': 'KMS upstream',
  'upstream.local': 'Local KMS',
  'upstream.cloud': 'Huawei Cloud · {region}',
  'upstream.project': 'Project {projectId}',

  'signIn.title': 'Sign in',
  'signIn.explanation':
    'This console is protected by an access token. Ask its administrator for the token; it is exchanged for a session cookie and not kept by the browser.',
  'signIn.accessToken': 'Access token',
  'signIn.accessTokenRequired': 'Enter the access token.',
  'signIn.submit': 'Sign in',
  'signIn.failed': 'Sign-in failed',

  'operator.title': 'Your IAM token is needed',
  'operator.explanation':
    'This console holds no cloud credentials: requests run with your own Huawei Cloud IAM token. It is sent as X-Auth-Token with each request and never stored by the server.',
  'operator.tokenLabel': 'IAM token',
  'operator.tokenRequired': 'Paste an IAM token.',
  'operator.keepForTab': 'Keep it for this browser tab (sessionStorage) instead of memory only',
  'operator.use': 'Use token',
  'operator.setTitle': 'IAM token set',
  'operator.inMemory': 'Held in memory only: reloading the page forgets it.',
  'operator.keptForTab': 'Kept for this browser tab only; closing the tab forgets it.',
  'operator.forget': 'Forget token',

  'keys.listLabel': 'Available keys',
  'keys.placeholder': 'Choose a key or paste a key ID',
  'keys.hint': '{count} keys listed. Type to search by alias, ID or spec, or paste any key ID.',
  'keys.loading': 'Loading the key list…',
  'keys.listFailed': 'The key list could not be loaded. You can still type a key ID.',
  'keys.lookingUp': 'Looking up this key…',
  'keys.unlisted':
    'This key is not in the key list; it will be sent as typed, and every algorithm is offered.',
  'keys.noAlias': '(no alias)',
  'keys.state.1': 'Pending activation',
  'keys.state.2': 'Enabled',
  'keys.state.3': 'Disabled',
  'keys.state.4': 'Pending deletion',
  'keys.state.5': 'Pending import',
  'keys.reason.disabled': 'Disabled: enable it in KMS to use it.',
  'keys.reason.pendingDeletion': 'Scheduled for deletion: cancel the deletion to use it.',
  'keys.reason.pendingActivation': 'Not activated yet.',
  'keys.reason.pendingImport': 'Its key material has not been imported yet.',
  'keys.reason.signOnly': 'Sign-only key: it cannot encrypt or decrypt.',

  'algorithm.SYMMETRIC_DEFAULT': 'SYMMETRIC_DEFAULT (AES-256 / SM4)',
  'algorithm.RSAES_OAEP_SHA_256': 'RSAES_OAEP_SHA_256 (RSA-OAEP, SHA-256)',
  'algorithm.RSAES_OAEP_SHA_1': 'RSAES_OAEP_SHA_1 (RSA-OAEP, SHA-1)',
  'algorithm.SM2_ENCRYPT': 'SM2_ENCRYPT (SM2)',

  'context.legend': 'Encryption context',
  'context.encryptDescription':
    'Optional key–value pairs bound to the ciphertext. Decrypting needs exactly the same pairs, so they are kept in the history.',
  'context.decryptDescription':
    'The same pairs given at encryption, if there were any. A different context makes decryption fail.',
  'context.notForAsymmetric':
    'Asymmetric keys (RSA, SM2) take no encryption context: their ciphertext is bound only to the key.',
  'context.keyLabel': 'Context key {n}',
  'context.valueLabel': 'Context value {n}',
  'context.add': 'Add context pair',
  'context.remove': 'Remove context pair',
  'context.removeNumbered': 'Remove context pair {n}',

  'encrypt.title': 'Encrypt',
  'encrypt.intro':
    'Encrypt a small secret (up to 4 KB) with a KMS key. The plaintext goes to the KMS and is never stored; the history keeps what decryption needs.',
  'encrypt.formLabel': 'Encrypt data',
  'encrypt.keyId': 'Key ID',
  'encrypt.algorithm': 'Encryption algorithm',
  'encrypt.algorithmForSpec': 'The algorithms a {spec} key takes.',
  'encrypt.algorithmAll': 'Every algorithm is offered until the key is known.',
  'encrypt.plainText': 'Plaintext',
  'encrypt.byteCounter': '{bytes} / {limit} bytes',
  'encrypt.submit': 'Encrypt',
  'encrypt.submitHint': 'Ctrl+Enter in the plaintext also encrypts.',
  'encrypt.failed': 'Encryption failed',

  'result.viewFailed': 'Encrypted, but the result view could not be loaded',
  'result.viewFailedDetail':
    'The ciphertext, key and context are saved in History. Check the connection to the console and reload the page.',
  'result.title': 'Result',
  'result.encryptedAt': 'Encrypted at {time} and saved to the history (without the plaintext).',
  'result.back': 'Encrypt another',
  'result.cipherText': 'Ciphertext',
  'result.cipherTextHint': '{length} Base64 characters.',
  'result.keyId': 'Key ID',
  'result.algorithm': 'Algorithm',
  'result.noContext': 'None',
  'result.copyCipherText': 'Copy ciphertext',
  'result.copyKeyId': 'Copy key ID',
  'result.copyAlgorithm': 'Copy algorithm',
  'result.copyDecryptRequest': 'Copy decrypt request',
  'result.copyCurl': 'Copy as curl',
  'result.copyHcloud': 'Copy as hcloud CLI',
  'result.commandsHint':
    'The commands decrypt this ciphertext. They contain no secret: curl reads the token from $KMS_AUTH_TOKEN, hcloud uses your configured profile.',
  'result.verify': 'Verify',
  'result.verifyHint': 'Decrypts through the server and compares, without showing the plaintext.',
  'result.verified': 'Round trip verified',
  'result.verifiedDetail': 'The ciphertext decrypts to exactly the text you entered.',
  'result.mismatch': 'Round trip mismatch',
  'result.mismatchDetail': 'The ciphertext decrypted, but not to the text you entered.',
  'result.verifyFailed': 'Verification failed',

  'decrypt.title': 'Decrypt',
  'decrypt.intro':
    'Paste a ciphertext to decrypt it. The plaintext stays hidden until you reveal it.',
  'decrypt.introPrefilled':
    'Filled in from the history: check the fields and decrypt. The plaintext stays hidden until you reveal it.',
  'decrypt.formLabel': 'Decrypt data',
  'decrypt.cipherText': 'Ciphertext',
  'decrypt.cipherTextHint': 'Base64. Line breaks and spaces are ignored.',
  'decrypt.asymmetricTitle': 'Key ID and algorithm',
  'decrypt.asymmetricHint':
    'Required only for asymmetric ciphertext (RSA, SM2), which carries no metadata. Symmetric ciphertext names its own key, so both can stay empty.',
  'decrypt.keyId': 'Key ID',
  'decrypt.algorithm': 'Encryption algorithm',
  'decrypt.algorithmNotNeeded': 'Not needed (symmetric ciphertext)',
  'decrypt.submit': 'Decrypt',
  'decrypt.failed': 'Decryption failed',

  'decryptResult.title': 'Decrypted',
  'decryptResult.summary': 'Decrypted with key {keyId}: {bytes} bytes.',
  'decryptResult.hidden': 'The plaintext is hidden. Reveal it to read it, or copy it directly.',
  'decryptResult.reveal': 'Reveal',
  'decryptResult.hide': 'Hide',
  'decryptResult.plainText': 'Plaintext',
  'decryptResult.plainTextBase64': 'Plaintext (Base64)',
  'decryptResult.notPrintable': 'These bytes are not printable text, so they are shown as Base64.',
  'decryptResult.copyPlainText': 'Copy plaintext',

  'history.title': 'History',
  'history.intro':
    'Every encryption made in this browser, with what decrypting it needs. Never the plaintext. The newest {cap} entries are kept.',
  'history.search': 'Search history',
  'history.searchPlaceholder': 'Key ID, alias or algorithm',
  'history.countOne': '1 entry',
  'history.count': '{count} entries',
  'history.matching': '{count} of {total} entries match',
  'history.deleted': 'Entry deleted.',
  'history.emptyTitle': 'No encryptions yet',
  'history.empty': 'Encrypt something and it appears here, ready to be decrypted later.',
  'history.unlistedKey': 'Unlisted key',
  'history.keyId': 'Key ID',
  'history.context': 'Context',
  'history.noContext': 'none',
  'history.cipherText': 'Ciphertext',
  'history.decrypt': 'Decrypt',
  'history.reuse': 'Reuse',
  'history.copyCipherText': 'Copy ciphertext',
  'history.delete': 'Delete',
  'history.clear': 'Clear history',
  'history.clearTitle': 'Clear the history?',
  'history.clearExplanation':
    'This removes every entry ({count}) from this browser. A ciphertext kept nowhere else cannot be found again: export first if you need it.',
  'history.clearConfirm': 'Clear all entries',
  'history.export': 'Export',
  'history.exportJson': 'Export as JSON (can be imported)',
  'history.exportCsv': 'Export as CSV (for spreadsheets)',
  'history.import': 'Import',
  'history.import.done': 'Imported {added} entries ({skipped} already present).',
  'history.import.refused': 'Import refused',
  'history.import.unchanged': 'Your history was not changed.',
  'history.import.notJson': 'The file is not JSON.',
  'history.import.notHistory': 'The file is not a history exported by this console.',
  'history.import.version':
    'The file has format version {version}, which this console cannot read.',
  'history.import.badEntry': 'Entry {entry} is invalid at {field}: {problem}',
  'history.import.badFile': 'The file is invalid at {field}: {problem}',
  'history.import.tooLarge': 'The file is too large to be a history export.',
  'history.pagination': 'Pagination',
  'history.previousPage': 'Previous page',
  'history.nextPage': 'Next page',
  'history.pageN': 'Page {page}',
  'history.trimmedTitle': 'Older entries removed',
  'history.trimmed':
    'Removed the oldest entries ({count}): the history keeps the newest {cap}, or fewer when the browser runs out of storage. Export regularly to keep everything.',
  'history.warning.title': 'History warning',
  'history.warning.unreadable':
    'The stored history could not be read, so it starts empty. The unreadable data was set aside, not deleted, and new encryptions are saved normally.',
  'history.warning.newerVersion':
    'The stored history was written by a newer version (format {version}) of this console and cannot be shown here. It is kept as it is until you add or clear entries.',
  'history.warning.skippedEntries':
    '{count} stored entries could not be read and are not shown; the others are.',
  'history.warning.unavailable':
    'This browser does not allow the console to store data, so the history cannot be saved.',

  'copy.copied': 'Copied',
  'copy.selectedForManualCopy':
    'The clipboard is not available here (plain HTTP or blocked). The text is selected: press Ctrl+C (⌘C on a Mac) to copy it.',
  'copy.manualTitle': 'Copy manually',
  'copy.manualExplanation':
    'The clipboard is not available here (plain HTTP or blocked). The text below is selected: press Ctrl+C (⌘C on a Mac) to copy it.',
  'copy.manualLabel': 'Text to copy',

  'validation.keyId.required': 'Enter or choose a key ID.',
  'validation.keyId.format': 'A key ID is 36 characters: 8-4-4-4-12 lowercase hex digits.',
  'validation.keyId.requiredForAsymmetric':
    'Asymmetric ciphertext carries no key ID: enter the key that encrypted it.',
  'validation.keyId.disabled': 'This key is disabled and cannot be used.',
  'validation.keyId.pendingDeletion': 'This key is scheduled for deletion and cannot be used.',
  'validation.keyId.pendingActivation': 'This key is not activated yet.',
  'validation.keyId.pendingImport': 'This key has no key material yet.',
  'validation.keyId.signOnly': 'This is a sign-only key: it cannot encrypt or decrypt.',
  'validation.algorithm.notForKey': 'A {spec} key does not take {algorithm}.',
  'validation.algorithm.requiredForAsymmetric':
    'Choose the algorithm the asymmetric ciphertext was made with.',
  'validation.plainText.required': 'Enter the plaintext to encrypt.',
  'validation.plainText.tooLong':
    'The plaintext is {bytes} bytes; this key and algorithm take at most {limit} bytes (UTF-8).',
  'validation.cipherText.required': 'Paste the ciphertext to decrypt.',
  'validation.cipherText.format':
    'Ciphertext is Base64 (A–Z, a–z, 0–9, +, /, =) of 128 to 5648 characters; this is {length}.',
  'validation.context.keyRequired': 'A context key cannot be empty.',
  'validation.context.keyDuplicate': 'This key is already used by pair {pair}.',
  'validation.context.tooLong':
    'The encryption context is {length} characters once serialized; at most {limit} are allowed.',

  'error.httpStatus': 'HTTP {status}',
  'error.serverSaid': 'Details: {message}',

  'kmsError.unknown': 'The service reported an error this console does not know. See the details.',
  'kmsError.CLIENT.NETWORK':
    'The console server could not be reached. Check that it is running and your network connection.',
  'kmsError.CLIENT.BAD_RESPONSE':
    'The server answered with something that is not a KMS response. The console server or a proxy in between may be misconfigured.',
  'kmsError.KMS.0201': 'The request URL is not one the KMS knows.',
  'kmsError.KMS.0202': 'The request body is not valid JSON.',
  'kmsError.KMS.0203': 'The request is too large.',
  'kmsError.KMS.0204': 'A required field is missing from the request.',
  'kmsError.KMS.0205': 'The key ID is not valid: it must be 36 characters, 8-4-4-4-12 hex digits.',
  'kmsError.KMS.0206': 'The request sequence number is not valid (36 characters).',
  'kmsError.KMS.0207': 'No key with this ID exists in this project.',
  'kmsError.KMS.0208':
    'The encryption context is not valid, or does not match the one used at encryption. Give exactly the same pairs.',
  'kmsError.KMS.0209': 'The key is disabled. Enable it in KMS, or choose another key.',
  'kmsError.KMS.0210': 'The key is scheduled for deletion. Cancel the deletion to use it again.',
  'kmsError.KMS.0214': 'The request is not in the format the KMS expects.',
  'kmsError.KMS.0215': 'The KMS does not accept this HTTP method here.',
  'kmsError.KMS.0301': 'No IAM token was sent to the KMS.',
  'kmsError.KMS.0302': 'The IAM token is not valid. Get a new token.',
  'kmsError.KMS.0303': 'The IAM token has expired. Get a new token.',
  'kmsError.KMS.0306': 'Your account has no permission for this key or operation.',
  'kmsError.KMS.0308': 'One of the request parameters is not valid.',
  'kmsError.KMS.0311':
    'The RSA key could not decrypt this ciphertext: wrong key, wrong algorithm (SHA-256 vs SHA-1), or damaged ciphertext.',
  'kmsError.KMS.0321': 'The IAM token belongs to a different project than the one in the request.',
  'kmsError.KMS.1101': 'The key alias is not valid.',
  'kmsError.KMS.1104': 'A key with this alias already exists.',
  'kmsError.KMS.1114': 'This is an elliptic-curve signing key: it cannot encrypt or decrypt.',
  'kmsError.KMS.2101': 'The plaintext is not valid: it must be 1 to 4096 bytes of UTF-8.',
  'kmsError.KMS.2105': 'A symmetric key only takes the SYMMETRIC_DEFAULT algorithm.',
  'kmsError.KMS.2106': 'This RSA key does not take that algorithm: use an RSAES_OAEP one.',
  'kmsError.KMS.2108':
    'The plaintext is too long for this RSA key and algorithm (OAEP limits it to the key size minus padding).',
  'kmsError.KMS.2201':
    'The ciphertext could not be decrypted: it is damaged, was made with another key, or the encryption context differs from the one used to encrypt it.',
  'kmsError.APIGW.0301':
    'The KMS rejected the console’s credentials (access key signature). The console’s AK/SK configuration is wrong.',
  'kmsError.KMS.0101': 'The KMS had an internal error. Try again later.',
  'kmsError.KMS.0103': 'The KMS had a system error. Try again later.',
  'kmsError.CONSOLE.0001': 'The console does not forward this KMS operation.',
  'kmsError.CONSOLE.0002': 'The console only accepts JSON requests.',
  'kmsError.CONSOLE.0003': 'The request came from another website and was refused.',
  'kmsError.CONSOLE.0004': 'Too many requests in a short time. Wait a moment and try again.',
  'kmsError.CONSOLE.0005': 'Your session has ended. Sign in again.',
  'kmsError.CONSOLE.0006': 'The access token is wrong.',
  'kmsError.CONSOLE.0007': 'Paste your IAM token above: this console uses your own token.',
  'kmsError.CONSOLE.0010':
    'The console server could not reach the KMS endpoint. Check the endpoint and the network.',
  'kmsError.CONSOLE.0011': 'The KMS endpoint did not answer in time. Try again.',
  'kmsError.CONSOLE.0012':
    'The KMS endpoint answered with something that is not JSON: it may not be a KMS endpoint.',
  'kmsError.CONSOLE.0013':
    'The console server could not obtain an IAM token. Check its IAM user configuration.',
  'kmsError.CONSOLE.0014': 'The console server failed unexpectedly. Its log has the details.',
  'kmsError.CONSOLE.0015': 'The console server does not know this address.',
} as const;

export type MessageKey = keyof typeof en;
export type Dictionary = Readonly<Record<MessageKey, string>>;
