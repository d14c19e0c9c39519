/**
 * What the Complero API's documented validation error codes (`v1c001` …) mean, in the words of its
 * documentation. A separate entry, so that apps which do not show the meanings do not ship their text.
 */
export { describeValidationErrorCode } from './runtime/errors.js';
