import { BulkUploadError } from '@complero/client';

/**
 * Runs a bulk upload and, when it failed before the server accepted anything, throws the
 * failed request's own typed error (a `ValidationError` with `validationErrors` for a 422), so a
 * form can show it as is. When part of the upload was accepted the `BulkUploadError` is kept:
 * it is the only error that says which items went through.
 */
export async function runBulkUpload<TResult>(upload: () => Promise<TResult>): Promise<TResult> {
  try {
    return await upload();
  } catch (error) {
    if (error instanceof BulkUploadError && error.accepted.length === 0 && error.cause instanceof Error) throw error.cause;
    throw error;
  }
}
