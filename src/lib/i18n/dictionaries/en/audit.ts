/** The audit page: who did what, when, with which outcome. */
export const audit = {
  'audit.title': 'Audit',
  'audit.intro':
    'Every encryption, decryption, verification, history change, sign-in and sign-out through this console, with who did it and how it ended. Events are never changed or removed.',
  'audit.filters': 'Filters',
  'audit.actor': 'Person',
  'audit.action': 'Action',
  'audit.anyAction': 'Any action',
  'audit.keyId': 'Key ID',
  'audit.outcome': 'Outcome',
  'audit.outcomeHint': 'ok, or an error code such as KMS.0207',
  'audit.from': 'From',
  'audit.to': 'To',
  'audit.time': 'Time',
  'audit.requestId': 'Request ID',
  'audit.failed': 'The audit could not be loaded',
  'audit.empty': 'No event matches',
  'audit.loadMore': 'Load more',
  'audit.off':
    'This console keeps no team history (CONSOLE_HISTORY=off), so there is no audit to show.',
} as const;
