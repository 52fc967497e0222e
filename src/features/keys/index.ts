export { keyQueries, listAllKeys, useKeyList } from './api/list-keys';
export { describeKey, useDescribeKey } from './api/describe-key';
export {
  algorithmsForKey,
  isAsymmetricAlgorithm,
  keyAvailability,
  keyIdProblem,
  keyMatches,
  plainTextLimitForKey,
  sortKeys,
  type KeyAvailability,
  type UnavailableReason,
} from './model/key-options';
export { KeyPicker, type KeyPickerProps } from './components/KeyPicker';
export { useKeyLookup, type KeyLookup } from './components/use-key-lookup';
