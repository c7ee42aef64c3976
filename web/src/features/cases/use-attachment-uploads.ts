import { useCallback, useRef, useState } from 'react';
import { getErrorMessage } from '../../components/get-error-message';
import type { CaseAttachment } from './cases.api';
import { uploadCaseAttachment, type AttachmentTarget, type AttachmentUpload } from './upload-case-attachment';

export type UploadStatus = 'waiting' | 'uploading' | 'done' | 'failed' | 'too_large' | 'empty';

/** True for a file that is not (or not yet) attached and will not be without the person acting: refused, failed, too large or empty. */
export const isUnattachable = (item: Pick<UploadItem, 'status'>): boolean => item.status === 'failed' || item.status === 'too_large' || item.status === 'empty';

/** A file chosen to attach, and how its upload went. */
export interface UploadItem {
  key: string;
  file: File;
  status: UploadStatus;
  /** 0 to 1 while uploading. */
  progress: number;
  error: string | null;
  attachment: CaseAttachment | null;
}

let nextKey = 0;

/**
 * Files to attach to a case and their uploads: chosen files over `maxBytes` are marked too large,
 * empty ones empty, and neither is sent; `upload` sends the waiting (or failed) ones one after the
 * other, one POST per file, and resolves with the list as it then stands (each file's outcome).
 */
export function useAttachmentUploads(maxBytes?: number) {
  const [items, setItems] = useState<UploadItem[]>([]);
  const itemsRef = useRef<UploadItem[]>([]);
  const running = useRef<Map<string, AttachmentUpload>>(new Map());

  const update = useCallback((change: (items: UploadItem[]) => UploadItem[]) => {
    itemsRef.current = change(itemsRef.current);
    setItems(itemsRef.current);
  }, []);
  const patch = useCallback((key: string, values: Partial<UploadItem>) => update((list) => list.map((item) => (item.key === key ? { ...item, ...values } : item))), [update]);

  const add = useCallback(
    (files: Iterable<File>) => {
      const added = [...files].map<UploadItem>((file) => ({
        key: `upload-${(nextKey += 1)}`,
        file,
        status: maxBytes !== undefined && file.size > maxBytes ? 'too_large' : file.size === 0 ? 'empty' : 'waiting',
        progress: 0,
        error: null,
        attachment: null,
      }));
      update((list) => [...list, ...added]);
      return added;
    },
    [maxBytes, update],
  );

  const remove = useCallback(
    (key: string) => {
      running.current.get(key)?.abort();
      update((list) => list.filter((item) => item.key !== key));
    },
    [update],
  );

  const clear = useCallback(() => {
    for (const upload of running.current.values()) upload.abort();
    update(() => []);
  }, [update]);

  const clearDone = useCallback(() => update((list) => list.filter((item) => item.status !== 'done')), [update]);

  const upload = useCallback(
    async (organizationId: string, caseId: string, target?: AttachmentTarget): Promise<UploadItem[]> => {
      for (const item of itemsRef.current.filter((entry) => entry.status === 'waiting' || entry.status === 'failed')) {
        // Removed while an earlier file was uploading.
        if (!itemsRef.current.some((entry) => entry.key === item.key)) continue;
        patch(item.key, { status: 'uploading', progress: 0, error: null });
        const handle = uploadCaseAttachment(organizationId, caseId, item.file, (progress) => patch(item.key, { progress }), target);
        running.current.set(item.key, handle);
        try {
          const attachment = await handle.promise;
          patch(item.key, { status: 'done', progress: 1, attachment });
        } catch (failure) {
          patch(item.key, { status: 'failed', error: getErrorMessage(failure) });
        } finally {
          running.current.delete(item.key);
        }
      }
      return itemsRef.current;
    },
    [patch],
  );

  const isBusy = items.some((item) => item.status === 'uploading');
  return { items, add, remove, clear, clearDone, upload, isBusy };
}
