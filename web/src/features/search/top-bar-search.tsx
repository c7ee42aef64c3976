import { ActionIcon, Box, CloseButton, Group } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Face } from '../shell/nav-item';
import { SearchBox } from './search-box';

/**
 * The search box in the top bar: the box itself on wide screens (`compact` false); on small screens
 * an icon that opens the box over the whole bar (`compact` true), closed again by its × or Escape.
 */
export function TopBarSearch({ face, compact = false }: { face: Face; compact?: boolean }) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState(false);
  if (!compact) return <SearchBox face={face} />;
  return (
    <>
      <ActionIcon variant="default" size="lg" radius="md" aria-label={t('search.box.open')} aria-expanded={expanded} onClick={() => setExpanded(true)} data-testid="top-search-toggle">
        <IconSearch size={18} aria-hidden />
      </ActionIcon>
      {expanded ? (
        <Box pos="absolute" top={0} left={0} right={0} bottom={0} px="md" bg="var(--mantine-color-body)" style={{ zIndex: 2, display: 'flex', alignItems: 'center' }}>
          <Group gap="xs" wrap="nowrap" w="100%">
            <Box style={{ flex: 1, minWidth: 0 }}>
              <SearchBox face={face} autoFocus onDone={() => setExpanded(false)} />
            </Box>
            <CloseButton aria-label={t('search.box.close')} onClick={() => setExpanded(false)} />
          </Group>
        </Box>
      ) : null}
    </>
  );
}
