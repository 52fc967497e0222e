// Injected into the console page by bench/operator-latency.ts (page.addInitScript) before
// any of the app's scripts run. Plain JavaScript on purpose: it is sent to the browser as
// written, with no build step that could add helpers the page does not have.
//
// Elements are found by their visible label or accessible name, as a person (or
// Playwright's getByRole) finds them; the benchmark checks each finding with Playwright too.
(() => {
  const textOf = (element) => (element ? element.textContent.replace(/\s+/g, ' ').trim() : '');

  const accessibleName = (element) => {
    const label = element.getAttribute('aria-label');
    if (label) return label.trim();
    const labelledBy = element.getAttribute('aria-labelledby');
    if (labelledBy) {
      return labelledBy
        .split(/\s+/)
        .map((id) => textOf(document.getElementById(id)))
        .join(' ');
    }
    if (element.labels && element.labels.length > 0) return textOf(element.labels[0]);
    return textOf(element);
  };

  // Mantine marks required fields with " *" in the label.
  const named = (element, name) => accessibleName(element).replace(/\s*\*$/, '') === name;

  const isVisible = (element) =>
    typeof element.checkVisibility === 'function'
      ? element.checkVisibility()
      : element.getClientRects().length > 0;

  const encryptButton = () =>
    [...document.querySelectorAll('form button[type="submit"]')].find(
      (button) =>
        named(button, 'Encrypt') &&
        !button.disabled &&
        button.getAttribute('data-loading') === null &&
        isVisible(button),
    );

  const keyIdInput = () =>
    [...document.querySelectorAll('input')].find(
      (input) => named(input, 'Key ID') && !input.disabled && !input.readOnly && isVisible(input),
    );

  /** The `Ciphertext` textarea of the `Result` region, once it shows a ciphertext. */
  const shownCiphertext = () => {
    for (const region of document.querySelectorAll('section, [role="region"]')) {
      if (!named(region, 'Result')) continue;
      for (const field of region.querySelectorAll('textarea')) {
        if (named(field, 'Ciphertext') && field.value !== '' && isVisible(field)) return field;
      }
    }
    return undefined;
  };

  // After the frame that paints the current DOM: requestAnimationFrame runs at that frame's
  // start, before its style, layout and paint; a task queued from there runs once they are
  // done. (The first frame of a page load alone takes tens of milliseconds here.)
  const afterNextPaint = (callback) => {
    requestAnimationFrame(() => setTimeout(callback, 0));
  };

  const probes = {
    /** performance.now() (ms since navigation start) when the form first became usable. */
    interactiveAt: undefined,
    /** The first animation frame after that: when the usable form is painted. */
    interactivePaintedAt: undefined,

    /**
     * Presses Encrypt and resolves with the milliseconds until the ciphertext is in the DOM
     * and until the frame that paints it has been rendered (afterNextPaint),
     * and, from Resource Timing, when the encrypt-data request started and its answer ended.
     */
    timedEncrypt() {
      const button = encryptButton();
      if (!button) return Promise.reject(new Error('no enabled Encrypt button'));
      performance.clearResourceTimings();
      return new Promise((resolve, reject) => {
        let observer;
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error('the ciphertext did not appear within 10 s'));
        }, 10_000);
        // User Timing marks bound the window in a Chrome trace (bench/lib/trace-summary.ts).
        performance.mark('kms-bench:click');
        const start = performance.now();
        const check = () => {
          if (!shownCiphertext()) return;
          observer.disconnect();
          clearTimeout(timer);
          const inDom = performance.now() - start;
          afterNextPaint(() => {
            const painted = performance.now() - start;
            performance.mark('kms-bench:painted');
            const request = performance
              .getEntriesByType('resource')
              .filter((entry) => entry.name.endsWith('/api/kms/encrypt-data'))
              .pop();
            resolve({
              inDom,
              painted,
              requestStart: request ? request.startTime - start : NaN,
              responseEnd: request ? request.responseEnd - start : NaN,
            });
          });
        };
        observer = new MutationObserver(check);
        observer.observe(document.body, {
          childList: true,
          subtree: true,
          attributes: true,
          characterData: true,
        });
        button.click();
        check();
      });
    },
  };
  window.__kmsBenchProbes = probes;

  const checkInteractive = () => {
    if (probes.interactiveAt !== undefined) return;
    if (encryptButton() && keyIdInput()) {
      probes.interactiveAt = performance.now();
      performance.mark('kms-bench:interactive');
      interactiveObserver.disconnect();
      // Usable means seen: once the frame that paints the form is rendered.
      afterNextPaint(() => {
        probes.interactivePaintedAt = performance.now();
      });
    }
  };
  const interactiveObserver = new MutationObserver(checkInteractive);
  interactiveObserver.observe(document, {
    childList: true,
    subtree: true,
    attributes: true,
  });
})();
