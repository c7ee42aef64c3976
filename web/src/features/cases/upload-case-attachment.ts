import type { CaseAttachment } from '@common/schemas/cases';
import i18n from 'i18next';
import { uploadRawFile, type RawUpload } from '../../app/upload-raw-file';
import { casePath } from './cases.api';

export type AttachmentUpload = RawUpload<CaseAttachment>;

/**
 * Uploads one file to a case as the raw request body (`POST …/cases/:caseId/attachments?name=`;
 * with `postId`, onto that post of the uploader's, as an internal note's files go), reporting
 * progress from 0 to 1.
 */
export function uploadCaseAttachment(organizationId: string, caseId: string, file: File, onProgress: (fraction: number) => void, postId?: string): AttachmentUpload {
  const query = new URLSearchParams({ name: file.name, ...(postId ? { postId } : {}) });
  return uploadRawFile<CaseAttachment>(casePath(organizationId, caseId, `/attachments?${query.toString()}`), file, onProgress, i18n.t('cases.attachments.cancelled'));
}
