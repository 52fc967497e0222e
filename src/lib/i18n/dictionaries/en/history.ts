/** The history page, its import and export. */
export const history = {
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
} as const;
