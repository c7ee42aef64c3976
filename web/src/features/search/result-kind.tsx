import type { DocumentSubtype, SearchKind } from '@common/knowledge';
import { Badge } from '@mantine/core';
import { IconBook2, IconFileText, IconLifebuoy, IconPackage, type Icon } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** The icon of each kind of result. */
export const resultKindIcons: Record<SearchKind, Icon> = {
  article: IconBook2,
  document: IconFileText,
  release: IconPackage,
  case: IconLifebuoy,
};

const kindColors: Record<SearchKind, string> = { article: 'indigo', document: 'cyan', release: 'grape', case: 'orange' };

/** A result's type: "Article", "Release", "Case", or for documents their subtype ("Manual", "Release notes", …). */
export function ResultKindBadge({ kind, subtype }: { kind: SearchKind; subtype: DocumentSubtype | null }) {
  const { t } = useTranslation();
  const KindIcon = resultKindIcons[kind];
  return (
    <Badge variant="light" color={kindColors[kind]} radius="sm" leftSection={<KindIcon size={12} aria-hidden />} data-testid="result-kind">
      {kind === 'document' && subtype ? t(`search.subtypes.${subtype}`) : t(`search.kinds.${kind}`)}
    </Badge>
  );
}
