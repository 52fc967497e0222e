import { lazy } from 'react';
import { completeLoadedDictionaries } from './load-dictionary';

/**
 * React.lazy for a component outside the first view: its chunk and the messages it shows
 * (the dictionary's second part) arrive together, so it never renders a missing message.
 */
export const lazyWithMessages: typeof lazy = (load) =>
  lazy(async () => {
    const [module] = await Promise.all([load(), completeLoadedDictionaries()]);
    return module;
  });
