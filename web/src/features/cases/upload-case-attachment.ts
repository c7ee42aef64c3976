import type { CaseAttachment } from '@common/schemas/cases';
import i18n from 'i18next';
import { uploadRawFile, type RawUpload } from '../../app/upload-raw-file';
import { casePath } from './cases.api';

export type AttachmentUpload = RawUpload<CaseAttachment>;

/** Where an upload goes: onto a post of the uploader's (an internal note's files), or a draft for a post being written. */
export type AttachmentTarget = { postId: string } | { draft: true };

/**
 * Uploads one file to a case as the raw request body (`POST …/cases/:caseId/attachments?name=`;
 * with `postId`, onto that post of the uploader's, as an internal note's files go; with `draft`,
 * the uploader's alone until a post takes it), reporting progress from 0 to 1.
 */
export function uploadCaseAttachment(organizationId: string, caseId: string, file: File, onProgress: (fraction: number) => void, target?: AttachmentTarget): AttachmentUpload {
  const query = new URLSearchParams({ name: file.name, ...(target && 'postId' in target ? { postId: target.postId } : {}), ...(target && 'draft' in target ? { draft: 'true' } : {}) });
  return uploadRawFile<CaseAttachment>(casePath(organizationId, caseId, `/attachments?${query.toString()}`), file, onProgress, i18n.t('cases.attachments.cancelled'));
}
