import type { GraphQLFormattedError } from 'graphql';

/** A refused upload, with the errors in GraphQL's shape (the api answers uploads that way too). */
export class UploadError extends Error {
  constructor(
    readonly errors: readonly GraphQLFormattedError[],
    readonly status: number,
  ) {
    super(errors[0]?.message ?? `Upload failed (HTTP ${status})`);
    this.name = 'UploadError';
  }
}

export interface UploadedFile {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
}

/** Sends a file to an upload route of the api (the body is the file; its name in `X-File-Name`). */
export async function uploadFile(path: string, file: File): Promise<UploadedFile> {
  const response = await fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(file.name) },
    body: file,
  });
  const body = (await response.json().catch(() => null)) as { errors?: GraphQLFormattedError[] } | UploadedFile | null;
  if (response.ok && body && 'id' in body) return body;
  const errors =
    body && 'errors' in body && Array.isArray(body.errors)
      ? body.errors
      : [{ message: `HTTP ${response.status}`, extensions: { code: 'INTERNAL_SERVER_ERROR' } }];
  throw new UploadError(errors, response.status);
}
