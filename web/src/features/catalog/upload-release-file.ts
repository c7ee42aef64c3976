import type { CatalogFile, ResourceType } from '@common/schemas/catalog';
import i18n from 'i18next';
import { uploadRawFile, type RawUpload } from '../../app/upload-raw-file';

export type UploadHandle = RawUpload<CatalogFile>;

/** Uploads a release file as the raw request body, reporting progress from 0 to 1. */
export function uploadReleaseFile(releaseId: string, file: File, resourceType: ResourceType, onProgress: (fraction: number) => void): UploadHandle {
  const query = new URLSearchParams({ resourceType, fileName: file.name });
  return uploadRawFile<CatalogFile>(`/api/v1/catalog/releases/${encodeURIComponent(releaseId)}/files?${query.toString()}`, file, onProgress, i18n.t('catalog.files.cancelled'));
}
