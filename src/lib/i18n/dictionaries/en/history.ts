/** The history page, its import and export. */
export const history = {
  'history.title': 'History',
  'history.intro':
    'Every encryption made in this browser, with what decrypting it needs. Never the plaintext. The newest {cap} entries are kept.',
  'history.search': 'Search history',
  'history.searchPlaceholder': 'Label, context, key, algorithm, date or ciphertext',
  'history.countOne': '1 entry',
  'history.count': '{count} entries',
  'history.matching': '{count} of {total} entries match',
  'history.deleted': 'Entry deleted.',
  'history.emptyTitle': 'No encryptions yet',
  'history.empty': 'Encrypt something and it appears here, ready to be decrypted later.',
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
  'history.undo': 'Undo',
  'history.import.doneOne': 'Imported 1 entry ({skipped} already present).',
  'history.label': 'Label',
  'history.label.edit': 'Edit label',
  'history.label.save': 'Save label',
  'history.label.saved': 'Label saved.',
  'history.team.intro':
    'Every encryption made through this console, by everyone, with what decrypting it needs. Never the plaintext.',
  'history.team.by': 'by {actor}',
  'history.team.searchHint':
    'Label, context, key, alias, algorithm, person, date or the start of a ciphertext',
  'history.team.waitingTitle': 'Not saved yet',
  'history.team.waitingOne':
    '1 record waiting to be saved: the history store cannot be reached. This browser keeps it and sends it when the store is back.',
  'history.team.waiting':
    '{count} records waiting to be saved: the history store cannot be reached. This browser keeps them and sends them when the store is back.',
  'history.team.failed': 'The team history could not be loaded',
  'history.team.noMatch': 'No record matches',
  'history.team.loadMore': 'Load more',
  'history.team.importTitle': 'Entries kept in this browser',
  'history.team.importOfferOne':
    'This browser kept 1 entry of its own. Add it to the team history?',
  'history.team.importOffer':
    'This browser kept {count} entries of its own. Add them to the team history?',
  'history.team.importAction': 'Add to team history',
  'history.team.importDecline': 'Not now',
  'history.team.imported': 'Added to the team history: {imported} new, {skipped} already there.',
} as const;
