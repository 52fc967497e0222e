/** The app shell: layout, navigation, language, theme, sign-in and the operator token. */
export const shell = {
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
  'session.endingTitle': 'Your session ends at {time}',
  'session.endingDetail':
    'Stay signed in to keep working. If it ends, sign in again: this page waits as it is.',
  'session.stay': 'Stay signed in',

  'copy.copied': 'Copied',
  'copy.selectedForManualCopy':
    'The clipboard is not available here (plain HTTP or blocked). The text is selected: press Ctrl+C (⌘C on a Mac) to copy it.',
  'copy.manualTitle': 'Copy manually',
  'copy.manualExplanation':
    'The clipboard is not available here (plain HTTP or blocked). The text below is selected: press Ctrl+C (⌘C on a Mac) to copy it.',
  'copy.manualLabel': 'Text to copy',
  'nav.audit': 'Audit',
} as const;
