import type { CatalogFile, ResourceType } from '@common/schemas/catalog';
import i18n from 'i18next';
import { apiClient } from '../../app/api-client';
import { ApiError, clientErrorCodes } from '../../app/api-error';
import type { Me } from '../auth/me';

export interface UploadHandle {
  promise: Promise<CatalogFile>;
  abort(): void;
}

function parseError(status: number, text: string): ApiError {
  try {
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown; details?: unknown } };
    if (body.error && typeof body.error.code === 'string') {
      return new ApiError({ code: body.error.code, message: typeof body.error.message === 'string' ? body.error.message : '', status, details: body.error.details });
    }
  } catch {
    // Not the error envelope: fall through to the generic message.
  }
  return new ApiError({ code: clientErrorCodes.unexpected, message: i18n.t('errors.unexpected'), status });
}

/**
 * Uploads a release file as the raw request body (its own type as Content-Type), reporting
 * progress from 0 to 1. XMLHttpRequest rather than fetch: only it reports upload progress. The
 * server answers errors in the user's language (Accept-Language), shown as they come.
 */
export function uploadReleaseFile(releaseId: string, file: File, resourceType: ResourceType, onProgress: (fraction: number) => void): UploadHandle {
  const xhr = new XMLHttpRequest();
  const promise = (async () => {
    // A fresh CSRF token: the session's may have been renewed since the page loaded.
    const me = await apiClient.get<Me>('/api/v1/me');
    const query = new URLSearchParams({ resourceType, fileName: file.name });
    return new Promise<CatalogFile>((resolve, reject) => {
      xhr.open('POST', `/api/v1/catalog/releases/${encodeURIComponent(releaseId)}/files?${query.toString()}`);
      xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
      xhr.setRequestHeader('Accept', 'application/json');
      xhr.setRequestHeader('Accept-Language', i18n.resolvedLanguage ?? i18n.language ?? 'ko');
      xhr.setRequestHeader('x-csrf-token', me.csrfToken);
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
      };
      xhr.onload = () => {
        if (xhr.status === 201) resolve(JSON.parse(xhr.responseText) as CatalogFile);
        else reject(parseError(xhr.status, xhr.responseText));
      };
      xhr.onerror = () => reject(new ApiError({ code: clientErrorCodes.network, message: i18n.t('errors.network'), status: 0 }));
      xhr.onabort = () => reject(new ApiError({ code: 'client.aborted', message: i18n.t('catalog.files.cancelled'), status: 0 }));
      xhr.send(file);
    });
  })();
  return { promise, abort: () => xhr.abort() };
}
