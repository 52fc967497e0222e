export { CopyButton, type CopyButtonProps } from './CopyButton';
export { FormSubmitRow, type FormSubmitRowProps } from './FormSubmitRow';
export { PageHeader, type PageHeaderProps } from './PageHeader';
export { Panel, type PanelProps } from './Panel';
export { ResultHeading, type ResultHeadingProps } from './ResultHeading';
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
