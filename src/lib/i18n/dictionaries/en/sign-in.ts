/** Sign-in page and operator-token panel, loaded with them. */
export const signIn = {
  'signIn.explanation':
    'This console is protected by an access token. Ask its administrator for the token; it is exchanged for a session cookie and not kept by the browser.',
  'signIn.accessToken': 'Access token',
  'signIn.accessTokenRequired': 'Enter the access token.',
  'signIn.submit': 'Sign in',
  'signIn.failed': 'Sign-in failed',
  'signIn.expired': 'Your session has ended. Sign in again to return to your page as you left it.',
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
} as const;
