import i18n from 'i18next';
import type { Me } from '../features/auth/me';
import { apiClient } from './api-client';
import { ApiError, clientErrorCodes } from './api-error';

/** An upload in flight: its result, and how to stop it. */
export interface RawUpload<T> {
  promise: Promise<T>;
  abort(): void;
}

function parseError(status: number, text: string): ApiError {
  try {
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown; details?: unknown } };
    if (body.error && typeof body.error.code === 'string') {
      return new ApiError({ code: body.error.code, message: typeof body.error.message === 'string' ? body.error.message : '', status, details: body.error.details });
    }
  } catch {
    // Not the error envelope: the generic message below.
  }
  return new ApiError({ code: clientErrorCodes.unexpected, message: i18n.t('errors.unexpected'), status });
}

/**
 * POSTs a file as the raw request body (its own type as Content-Type) to `url`, reporting progress
 * from 0 to 1, and resolves with the JSON answer. XMLHttpRequest rather than fetch: only it reports
 * upload progress. Errors come back in the person's language, as the server words them
 * (Accept-Language); `cancelledMessage` is the message of an aborted upload.
 */
export function uploadRawFile<T>(url: string, file: File, onProgress: (fraction: number) => void, cancelledMessage: string): RawUpload<T> {
  const xhr = new XMLHttpRequest();
  const promise = (async () => {
    // A fresh CSRF token: the session's may have been renewed since the page loaded.
    const me = await apiClient.get<Me>('/api/v1/me');
    return new Promise<T>((resolve, reject) => {
      xhr.open('POST', url);
      xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
      xhr.setRequestHeader('Accept', 'application/json');
      xhr.setRequestHeader('Accept-Language', i18n.resolvedLanguage ?? i18n.language ?? 'ko');
      xhr.setRequestHeader('x-csrf-token', me.csrfToken);
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
      };
      xhr.onload = () => {
        if (xhr.status >= 200 && xhr.status < 300) resolve(JSON.parse(xhr.responseText) as T);
        else reject(parseError(xhr.status, xhr.responseText));
      };
      xhr.onerror = () => reject(new ApiError({ code: clientErrorCodes.network, message: i18n.t('errors.network'), status: 0 }));
      xhr.onabort = () => reject(new ApiError({ code: 'client.aborted', message: cancelledMessage, status: 0 }));
      xhr.send(file);
    });
  })();
  return { promise, abort: () => xhr.abort() };
}
