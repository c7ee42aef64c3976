import { useState } from 'react';
import { ApiError } from '../../app/api-error';
import { getErrorMessage } from '../../components/get-error-message';
import { useCreateDownloadLink, type Agreement, type ProductFile } from './products.api';
import { startDownload } from './start-download';

function agreementOf(error: unknown): Agreement | null {
  if (!(error instanceof ApiError) || error.code !== 'downloads.agreement_required') return null;
  const details = error.details as { agreement?: Agreement } | undefined;
  return details?.agreement ?? null;
}

/**
 * The Download button's flow: ask for a signed link; when the licence agreement is required, show
 * it and ask again with "I agree"; then let the browser fetch the link. Errors come back in the
 * user's language.
 */
export function useFileDownload(organizationId: string, siteId: string, productId: string) {
  const create = useCreateDownloadLink(organizationId);
  const [pending, setPending] = useState<{ file: ProductFile; agreement: Agreement } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const request = (file: ProductFile, acceptAgreementId?: string) => {
    setError(null);
    create.mutate(
      { siteId, productId, fileId: file.id, body: acceptAgreementId ? { acceptAgreementId } : {} },
      {
        onSuccess: (link) => {
          setPending(null);
          startDownload(link.url, link.fileName);
        },
        onError: (failure) => {
          const agreement = agreementOf(failure);
          if (agreement && agreement.id !== acceptAgreementId) {
            setPending({ file, agreement });
            return;
          }
          setPending(null);
          setError(getErrorMessage(failure));
        },
      },
    );
  };

  return {
    download: (file: ProductFile) => request(file),
    agree: () => {
      if (pending) request(pending.file, pending.agreement.id);
    },
    cancel: () => setPending(null),
    agreement: pending?.agreement ?? null,
    pendingFileId: create.isPending ? (create.variables?.fileId ?? null) : null,
    agreeing: create.isPending && Boolean(create.variables?.body.acceptAgreementId),
    error,
    clearError: () => setError(null),
  };
}
