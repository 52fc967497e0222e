import { lazyWithMessages } from '../../lib/i18n';

// Only the Text / File switch is part of the first view. The file mode and the long-text
// envelope (envelope code, their texts, the panels, even the offer shown under a too-long
// text) are chunks of their own, fetched when used.
export { ModeSwitch, type InputMode, type ModeSwitchProps } from './components/ModeSwitch';
export type { LongTextOfferProps } from './components/LongTextOffer';
export type { EncryptFilePanelProps } from './components/EncryptFilePanel';
export type { LongTextRequest } from './components/LongTextEnvelope';
export const EncryptFilePanel = /* @__PURE__ */ lazyWithMessages(
  () => import('./components/EncryptFilePanel'),
);
export const DecryptFilePanel = /* @__PURE__ */ lazyWithMessages(
  () => import('./components/DecryptFilePanel'),
);
export const LongTextOffer = /* @__PURE__ */ lazyWithMessages(
  () => import('./components/LongTextOffer'),
);
export const LongTextEnvelope = /* @__PURE__ */ lazyWithMessages(
  () => import('./components/LongTextEnvelope'),
);
export const LongTextDecrypt = /* @__PURE__ */ lazyWithMessages(
  () => import('./components/LongTextDecrypt'),
);
