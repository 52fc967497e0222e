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
  symmetricKeyAvailability,
  type KeyAvailability,
  type KeyAvailabilityRule,
  type UnavailableReason,
} from './model/key-options';
export { KeyPicker, type KeyPickerProps } from './components/KeyPicker';
export { useKeyLookup, type KeyLookup } from './components/use-key-lookup';
export {
  addFormIssue,
  checkKeyFormValues,
  contextApplies,
  contextField,
  keyFormShape,
  isAsymmetricKey,
  offeredAlgorithms,
  type KeyFormContext,
  type KeyFormValues,
} from './model/key-form';
export {
  useKeyForm,
  type KeyForm,
  type KeyFormKit,
  type KeyFormRules,
} from './components/key-form/use-key-form';
export { KeyFormFields, type KeyFormFieldsProps } from './components/key-form/KeyFormFields';
export { useOnEdit } from './components/key-form/use-on-edit';
export {
  KeyDetailsButton,
  type KeyDetailsButtonProps,
} from './components/key-details/KeyDetailsButton';
export { lastKeyId, rememberLastKey } from './model/last-key';
