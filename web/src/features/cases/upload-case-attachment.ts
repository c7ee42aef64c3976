import type { CaseAttachment } from '@common/schemas/cases';
import i18n from 'i18next';
import { apiClient } from '../../app/api-client';
import { ApiError, clientErrorCodes } from '../../app/api-error';
import type { Me } from '../auth/me';
import { casePath } from './cases.api';

export interface AttachmentUpload {
  promise: Promise<CaseAttachment>;
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
 * Uploads one file to a case as the raw request body (`POST …/cases/:caseId/attachments?name=`;
 * with `postId`, onto that post of the uploader's, as an internal note's files go),
 * reporting progress from 0 to 1. XMLHttpRequest because only it reports upload progress; errors
 * come back in the person's language, as the server words them.
 */
export function uploadCaseAttachment(organizationId: string, caseId: string, file: File, onProgress: (fraction: number) => void, postId?: string): AttachmentUpload {
  const xhr = new XMLHttpRequest();
  const promise = (async () => {
    // A fresh CSRF token: the session's may have been renewed since the page loaded.
    const me = await apiClient.get<Me>('/api/v1/me');
    return new Promise<CaseAttachment>((resolve, reject) => {
      xhr.open('POST', casePath(organizationId, caseId, `/attachments?${new URLSearchParams({ name: file.name, ...(postId ? { postId } : {}) }).toString()}`));
      xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
      xhr.setRequestHeader('Accept', 'application/json');
      xhr.setRequestHeader('Accept-Language', i18n.resolvedLanguage ?? i18n.language ?? 'ko');
      xhr.setRequestHeader('x-csrf-token', me.csrfToken);
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
      };
      xhr.onload = () => {
        if (xhr.status >= 200 && xhr.status < 300) resolve(JSON.parse(xhr.responseText) as CaseAttachment);
        else reject(parseError(xhr.status, xhr.responseText));
      };
      xhr.onerror = () => reject(new ApiError({ code: clientErrorCodes.network, message: i18n.t('errors.network'), status: 0 }));
      xhr.onabort = () => reject(new ApiError({ code: 'client.aborted', message: i18n.t('cases.attachments.cancelled'), status: 0 }));
      xhr.send(file);
    });
  })();
  return { promise, abort: () => xhr.abort() };
}
