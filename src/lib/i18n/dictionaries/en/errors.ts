/** Explanations of KMS, console and client error codes. */
export const errors = {
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
  'kmsError.KMS.0325': 'This asymmetric key does not support the operation.',
  'kmsError.KMS.0335': 'This key signs and verifies: it cannot be used for this operation.',
  'kmsError.KMS.0341': 'This HMAC key does not support the operation.',
  'kmsError.KMS.1901': 'The data key length must be 8 to 8192 bits.',
  'kmsError.KMS.1902': 'The data key spec can only be AES_128 or AES_256.',
  'kmsError.KMS.1903': 'The data key length must be a multiple of 8 bits.',
  'kmsError.KMS.2103': 'The data key failed its integrity check.',
  'kmsError.KMS.2104': 'The data key length does not match the length given in the request.',
  'kmsError.KMS.2203': 'The data key failed its integrity check.',
  'kmsError.KMS.2204':
    'The encrypted data key length does not match the length given in the request.',
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
