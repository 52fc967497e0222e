export { CopyButton, type CopyButtonProps } from './components/CopyButton';
export { KmsErrorAlert, type KmsErrorLike } from './components/KmsErrorAlert';
export {
  ContextPairsField,
  ContextSection,
  type ContextPairErrors,
  type ContextPairsFieldErrors,
  type ContextPairsFieldProps,
  type ContextSectionProps,
} from './components/ContextPairsField';
export * from './components/icons';
export { default as tone } from './components/tone.module.css';
export { default as growingText } from './components/growing-text.module.css';
export { dangerButtonProps } from './components/danger-button';
export { useDelayedFlag } from './components/use-delayed-flag';
export {
  contextPairIssues,
  contextToPairs,
  pairsToContext,
  type ContextPair,
  type ContextPairIssue,
} from './model/context-pairs';
export { selectText, writeClipboard, type CopyOutcome } from './model/clipboard';
