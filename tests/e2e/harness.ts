/** The e2e harness lives in scripts/lib so the demo and the page benchmarks launch Chromium the same way. */
export * from '../../scripts/lib/extension-browser';
