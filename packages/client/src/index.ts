/**
 * The typed Complero API client: `createCompleroClient({ apiKey })`, typed errors, retries,
 * timeouts, auto-pagination, bulk uploads and documentation downloads, on openapi-fetch.
 */
export { type CompleroClient, createCompleroClient } from './client.js';
export type {
  CompleroResources,
  ContactsResource,
  DocumentationResource,
  EmployeesResource,
  EventsResource,
  NoHeaders,
  OperationsResource,
} from './generated/resources.js';
export type { ClientOptions } from './runtime/config.js';
export {
  AuthenticationError,
  BadRequestError,
  BulkUploadError,
  CompleroError,
  type CompleroErrorInit,
  ConnectionError,
  describeValidationErrorCode,
  errorClassForStatus,
  ForbiddenError,
  GoneError,
  InvalidArgumentError,
  NotFoundError,
  PayloadTooLargeError,
  RateLimitError,
  ServerError,
  TimeoutError,
  ValidationError,
  type ValidationIssue,
} from './runtime/errors.js';
export type { RetryDelay } from './runtime/retry.js';
export type {
  ApiResult,
  DownloadResult,
  Page,
  PendingDownload,
  ReadyDownload,
  RequestOptions,
  UploadChunk,
  UploadOptions,
  UploadResult,
  WaitOptions,
} from './runtime/types.js';
export { VERSION } from './runtime/version.js';
