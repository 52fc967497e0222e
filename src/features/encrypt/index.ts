import { createElement, lazy, useState, type ComponentType } from 'react';
import type { EncryptPageProps } from './components/EncryptPage';

export type { EncryptPageProps } from './components/EncryptPage';
export type { EncryptPrefill, EncryptionResult } from './model/encryption-result';
export type { EncryptionRecord, UpstreamFacts } from './model/commands';

/**
 * Each page is its own chunk, the encrypt page included, so the shell (header, navigation,
 * session) is small. The encrypt page is the first view, so its download starts as soon as
 * this module runs rather than when React first renders it, in parallel with the session
 * check. Once it is here it is rendered directly: React.lazy suspends on its first render
 * even when the code is already loaded, and the fallback it shows holds the page back
 * (Suspense reveals content no sooner than 300 ms after a fallback).
 */
let loadedPage: ComponentType<EncryptPageProps> | undefined;
const encryptPageModule = import('./components/EncryptPage').then((module) => {
  loadedPage = module.default;
  return module;
});
const LazyEncryptPage = lazy(() => encryptPageModule);

export function EncryptPage(props: EncryptPageProps) {
  // Chosen once per mount: switching from the lazy wrapper to the loaded component later
  // would be a different element type, and remount the page (losing what was typed).
  const [Page] = useState<ComponentType<EncryptPageProps>>(() => loadedPage ?? LazyEncryptPage);
  return createElement(Page, props);
}
