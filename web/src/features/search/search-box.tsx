import { Box, Group, Loader, Popover, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconArrowRight, IconSearch } from '@tabler/icons-react';
import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { resultDay } from './result-day';
import { getErrorMessage } from '../../components/get-error-message';
import type { Face } from '../shell/nav-item';
import { HighlightedText } from './highlighted-text';
import { resultKindIcons } from './result-kind';
import { isAppPath } from './result-href';
import { MAX_QUERY_LENGTH, searchPageHref } from './search-params';
import { useQuickSearch } from './search.api';
import { useImeSafeInput } from './use-ime-safe-input';
import { useSearchScope } from './use-search-scope';

const DEBOUNCE_MS = 250;
const QUICK_RESULTS = 6;

interface SearchBoxProps {
  face: Face;
  autoFocus?: boolean;
  /** Called after the box sent the person somewhere (a result, the search page), or on Escape when empty. */
  onDone?: () => void;
}

/**
 * The top bar's search box: the best few results as the person types (debounced; a composing input
 * method never searches half-formed text), arrows to move, Enter to open, Esc to close; Enter with
 * nothing chosen, or "See all results", opens the search page.
 */
export function SearchBox({ face, autoFocus, onDone }: SearchBoxProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const listId = useId();
  const scope = useSearchScope(face);
  const box = useImeSafeInput('');
  const [debounced] = useDebouncedValue(box.committed.trim(), DEBOUNCE_MS);
  const quick = useQuickSearch(scope, debounced, QUICK_RESULTS);
  const [open, setOpen] = useState(false);
  // The option chosen with the arrows, which Enter opens. The pointer only highlights (`hovered`):
  // a pointer resting where the list opens must not turn Enter into opening a result.
  const [active, setActive] = useState(-1);
  const [hovered, setHovered] = useState(-1);
  const [activeFor, setActiveFor] = useState(debounced);
  if (activeFor !== debounced) {
    // New words, new results: nothing is chosen.
    setActiveFor(debounced);
    setActive(-1);
    setHovered(-1);
  }

  const items = debounced && quick.data ? quick.data.items.slice(0, QUICK_RESULTS) : [];
  const seeAll = items.length; // the last option
  const optionCount = debounced ? items.length + 1 : 0;
  // Open once there is something to show: the debounced words' results (or their loading state).
  const shown = open && box.value.trim() !== '' && debounced !== '';

  const go = (href: string) => {
    setOpen(false);
    box.setValue('');
    onDone?.();
    void navigate(href);
  };
  const goToPage = () => go(searchPageHref(face, { q: box.value }));

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // Keys that finish a composition belong to the input method.
    if (event.nativeEvent.isComposing || box.isComposing || event.keyCode === 229) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      if (optionCount === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (current === -1 && step === -1 ? optionCount - 1 : (current + step + optionCount) % optionCount));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (!box.value.trim()) return;
      const item = items[active];
      if (item && isAppPath(item.href)) go(item.href);
      else goToPage();
    } else if (event.key === 'Escape') {
      if (shown) {
        event.preventDefault();
        setOpen(false);
        setActive(-1);
      } else {
        onDone?.();
      }
    }
  };

  const optionId = (index: number) => `${listId}-option-${index}`;

  return (
    <Popover opened={shown} position="bottom-start" width="target" withRoles={false} trapFocus={false} returnFocus={false} shadow="md" radius="md" offset={4} styles={{ dropdown: { minWidth: 'min(420px, calc(100vw - 32px))' } }}>
      <Popover.Target>
        <TextInput
          type="search"
          role="searchbox"
          aria-label={t('search.box.label')}
          aria-autocomplete="list"
          aria-controls={shown ? listId : undefined}
          aria-activedescendant={shown && active >= 0 ? optionId(active) : undefined}
          placeholder={t('search.box.placeholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          rightSection={quick.isFetching ? <Loader size={14} aria-hidden /> : null}
          maxLength={MAX_QUERY_LENGTH}
          autoComplete="off"
          autoFocus={autoFocus}
          radius="xl"
          w="100%"
          {...box.inputProps}
          onChange={(event) => {
            box.inputProps.onChange(event);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
          data-testid="top-search-input"
        />
      </Popover.Target>
      <Popover.Dropdown p={4} data-testid="top-search-dropdown">
        {quick.isError ? (
          <Text size="sm" c="red" p="xs" role="alert">
            {getErrorMessage(quick.error)}
          </Text>
        ) : debounced && quick.isFetching && !quick.data ? (
          <Group p="xs" gap="xs">
            <Loader size="xs" />
            <Text size="sm" c="dimmed">
              {t('common.loading')}
            </Text>
          </Group>
        ) : null}
        {debounced && quick.data && items.length === 0 ? (
          <Text size="sm" c="dimmed" p="xs" data-testid="top-search-empty">
            {t('search.box.noResults')}
          </Text>
        ) : null}
        <Stack gap={2} role="listbox" id={listId} aria-label={t('search.box.results')}>
          {items.map((item, index) => {
            const KindIcon = resultKindIcons[item.kind];
            return (
              <UnstyledButton
                key={`${item.kind}-${item.id}`}
                id={optionId(index)}
                role="option"
                aria-selected={index === active}
                tabIndex={-1}
                onMouseDown={(event) => event.preventDefault()}
                onMouseEnter={() => setHovered(index)}
                onMouseLeave={() => setHovered(-1)}
                onClick={() => isAppPath(item.href) && go(item.href)}
                p="xs"
                style={{ borderRadius: 'var(--mantine-radius-sm)', background: index === active || index === hovered ? 'var(--mantine-color-default-hover)' : undefined }}
                data-testid="top-search-option"
              >
                <Group gap="sm" wrap="nowrap" align="flex-start">
                  <KindIcon size={18} aria-label={t(`search.kinds.${item.kind}`)} style={{ flexShrink: 0, marginTop: 2 }} />
                  <Box style={{ minWidth: 0 }}>
                    <Text size="sm" fw={600} lineClamp={1}>
                      <HighlightedText text={item.title} ranges={item.titleHighlights} />
                    </Text>
                    <Text size="xs" c="dimmed" lineClamp={1}>
                      {[item.products[0]?.name, item.reference, resultDay(item.kind, item.date)].filter(Boolean).join(' · ')}
                    </Text>
                  </Box>
                </Group>
              </UnstyledButton>
            );
          })}
          {debounced ? (
            <UnstyledButton
              id={optionId(seeAll)}
              role="option"
              aria-selected={active === seeAll}
              tabIndex={-1}
              onMouseDown={(event) => event.preventDefault()}
              onMouseEnter={() => setHovered(seeAll)}
              onMouseLeave={() => setHovered(-1)}
              onClick={goToPage}
              p="xs"
              style={{ borderRadius: 'var(--mantine-radius-sm)', background: active === seeAll || hovered === seeAll ? 'var(--mantine-color-default-hover)' : undefined }}
              data-testid="top-search-see-all"
            >
              <Group gap={6} wrap="nowrap">
                <Text size="sm" c="blue" fw={500}>
                  {quick.data ? t(quick.data.capped ? 'search.box.seeAllCountAtLeast' : 'search.box.seeAllCount', { count: quick.data.total }) : t('search.box.seeAll')}
                </Text>
                <IconArrowRight size={14} aria-hidden />
              </Group>
            </UnstyledButton>
          ) : null}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
