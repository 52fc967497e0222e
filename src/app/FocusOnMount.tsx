import { useEffect } from 'react';

let firstPage = true;

/**
 * Rendered after a page inside the same Suspense boundary, so its effect runs once the page
 * (lazy or not) is on screen: moves focus to the page title for keyboard and screen-reader
 * users. The first page of a visit keeps the browser's natural focus.
 */
export function FocusPageTitle() {
  useEffect(() => {
    if (firstPage) {
      firstPage = false;
      return;
    }
    document.querySelector<HTMLElement>('main [data-page-title]')?.focus();
  }, []);
  return null;
}
