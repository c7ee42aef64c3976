import i18n from 'i18next';
import { goToSignInAfterIdle } from '../features/auth/go-to-sign-in-after-idle';
import { ApiError, clientErrorCodes } from './api-error';
import { recordActivity } from './session-activity';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const stateChangingMethods: ReadonlySet<Method> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The CSRF token from the latest `/api/v1/me` or sign-in answer; sent back on every state-changing request. */
let csrfToken: string | null = null;

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function toApiError(status: number, body: unknown): ApiError {
  const error = typeof body === 'object' && body !== null && 'error' in body ? (body as { error: unknown }).error : null;
  if (typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string') {
    const { code, message, details } = error as { code: string; message?: unknown; details?: unknown };
    return new ApiError({ code, message: typeof message === 'string' ? message : '', status, details });
  }
  return new ApiError({ code: clientErrorCodes.unexpected, message: i18n.t('errors.unexpected'), status });
}

/** Fetches a fresh CSRF token from `/api/v1/me`; false when there is no session any more. */
async function refreshCsrfToken(): Promise<boolean> {
  try {
    const me = await request<{ csrfToken?: unknown }>('GET', '/api/v1/me');
    csrfToken = typeof me?.csrfToken === 'string' ? me.csrfToken : null;
    return csrfToken !== null;
  } catch {
    return false;
  }
}

async function request<T>(method: Method, path: string, body?: unknown, isRetry = false): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': i18n.resolvedLanguage ?? i18n.language ?? 'ko',
  };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (stateChangingMethods.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError({ code: clientErrorCodes.network, message: i18n.t('errors.network'), status: 0 });
  }

  // Any answer but "signed out" means the session was used, which the server counts as activity.
  if (response.status !== 401) recordActivity();
  const payload = await readJson(response);
  if (response.ok) return payload as T;
  const error = toApiError(response.status, payload);
  if (error.status === 401 && error.code === 'auth.session_idle') goToSignInAfterIdle();
  if (error.status === 401 && error.code === 'auth.session_ended') goToSignInAfterIdle('ended');
  // A token can go stale (another tab signed in again, the server rotated it): refresh once and retry.
  if (error.code === 'auth.csrf_failed' && !isRetry && stateChangingMethods.has(method) && (await refreshCsrfToken())) {
    return request<T>(method, path, body, true);
  }
  throw error;
}

/** The one way the web talks to the server: same-origin cookies, CSRF header, error envelope parsing. */
export const apiClient = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, body),
  delete: <T>(path: string, body?: unknown) => request<T>('DELETE', path, body),
  setCsrfToken(token: string | null): void {
    csrfToken = token;
  },
};
