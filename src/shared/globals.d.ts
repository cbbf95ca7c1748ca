/** Set by the build: which browser this bundle is for. */
declare const __BROWSER__: 'chrome' | 'firefox';
/** Set by the build: the data date of the list shipped inside the extension. */
declare const __EMBEDDED_DATA_DATE__: string;
