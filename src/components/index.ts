// Shared UI for the first view. Components only lazy pages use (Panel, ResultHeading,
// WarningAlert, LoadMoreButton) are imported by their path instead: exported from here, the
// bundler would put them in the first-load chunk beside everything this file exports.
export { CopyButton, type CopyButtonProps } from './CopyButton';
export { FormSubmitRow, type FormSubmitRowProps } from './FormSubmitRow';
export { PageHeader, type PageHeaderProps } from './PageHeader';
export { KmsErrorAlert, type KmsErrorLike } from './KmsErrorAlert';
export { LanguageSwitcher } from './LanguageSwitcher';
export {
  ContextPairsField,
  ContextSection,
  type ContextPairErrors,
  type ContextPairsFieldErrors,
  type ContextPairsFieldProps,
  type ContextSectionProps,
} from './context-pairs/ContextPairsField';
export * from './icons';
export { default as tone } from './tone.module.css';
export { default as growingText } from './growing-text.module.css';
export { dangerButtonProps } from './danger-button';
export { useDelayedFlag } from './use-delayed-flag';
export {
  contextPairIssues,
  contextToPairs,
  pairsToContext,
  type ContextPair,
  type ContextPairIssue,
} from './context-pairs/context-pairs';
