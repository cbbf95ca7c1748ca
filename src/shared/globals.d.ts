/** Set by the build: which browser this bundle is for. */
declare const __BROWSER__: 'chrome' | 'firefox';
