/** The tag and version of our own JSON exchange format (export/json.ts writes it, import.ts reads it). */
export const EXCHANGE_FORMAT = 'fanzha-lens-collections';
export const EXCHANGE_FORMAT_VERSION = 1;
