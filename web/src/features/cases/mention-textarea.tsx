import { Paper, Text, Textarea, UnstyledButton, type TextareaProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMentionCandidates, type MentionCandidate } from './cases.api';
import { findMentionQuery, insertMention, withoutComposition, type MentionQuery } from './mention-query';

interface MentionTextareaProps extends Omit<TextareaProps, 'value' | 'onChange'> {
  organizationId: string;
  caseId: string;
  value: string;
  onChange: (value: string) => void;
  /** A person picked from the list (their `@Name ` is already in the text). */
  onMention: (candidate: MentionCandidate) => void;
}

/** Keys the list handles while it is open. */
const LIST_KEYS = new Set(['ArrowDown', 'ArrowUp', 'Enter', 'Tab', 'Escape']);

/**
 * A textarea with @mention autocomplete that works with the Korean input method: the query is read
 * from the textarea's value on `input` and `compositionend` (keydown sees a Hangul syllable only
 * half-composed), and while a syllable is being composed the list ignores Enter, Tab and the arrows,
 * so confirming a syllable never picks a candidate.
 */
export function MentionTextarea({ organizationId, caseId, value, onChange, onMention, ...props }: MentionTextareaProps) {
  const { t } = useTranslation();
  const listId = useId();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const composing = useRef(false);
  // The syllable the IME is composing right now (compositionupdate's data), left out of the query.
  const composingText = useRef('');
  const [mention, setMention] = useState<MentionQuery | null>(null);
  // The @ whose list was closed (a pick or Escape): it stays closed until another @ is typed.
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  const [focused, setFocused] = useState(false);
  const live = mention && mention.start !== dismissedAt ? mention : null;
  const [query] = useDebouncedValue(live ? live.query : null, 150);
  const candidates = useMentionCandidates(organizationId, caseId, live ? query : null);
  const items = live ? (candidates.data?.items ?? []) : [];
  const open = focused && items.length > 0;
  const activeIndex = Math.min(active, Math.max(items.length - 1, 0));

  /** Reads the @query from what the textarea holds now. */
  const readQuery = (element: HTMLTextAreaElement) => {
    const next = withoutComposition(findMentionQuery(element.value, element.selectionStart ?? element.value.length), composing.current ? composingText.current : '');
    setMention(next);
    if (next?.query !== mention?.query) setActive(0);
    if (next && dismissedAt !== null && next.start !== dismissedAt) setDismissedAt(null);
  };

  const pick = (candidate: MentionCandidate) => {
    const element = textarea.current;
    if (!element || !live) return;
    const caret = element.selectionStart ?? element.value.length;
    const result = insertMention(element.value, live, caret, candidate.name);
    onChange(result.value);
    onMention(candidate);
    setDismissedAt(live.start);
    setMention(null);
    requestAnimationFrame(() => {
      element.focus();
      element.setSelectionRange(result.caret, result.caret);
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // keyCode 229: the key went to the IME (Safari reports isComposing false for the confirming Enter).
    if (event.nativeEvent.isComposing || composing.current || event.keyCode === 229) return;
    if (!open || !LIST_KEYS.has(event.key)) return;
    event.preventDefault();
    if (event.key === 'Escape') {
      event.stopPropagation();
      if (live) setDismissedAt(live.start);
    } else if (event.key === 'ArrowDown') setActive((activeIndex + 1) % items.length);
    else if (event.key === 'ArrowUp') setActive((activeIndex - 1 + items.length) % items.length);
    else {
      const candidate = items[activeIndex];
      if (candidate) pick(candidate);
    }
  };

  const optionId = (index: number) => `${listId}-option-${index}`;
  return (
    <div style={{ position: 'relative' }}>
      <Textarea
        {...props}
        ref={textarea}
        value={value}
        onChange={(event) => {
          onChange(event.currentTarget.value);
          readQuery(event.currentTarget);
        }}
        onCompositionStart={() => {
          composing.current = true;
          composingText.current = '';
        }}
        onCompositionUpdate={(event) => {
          composingText.current = event.data;
        }}
        onCompositionEnd={(event) => {
          composing.current = false;
          composingText.current = '';
          readQuery(event.currentTarget);
        }}
        onClick={(event) => readQuery(event.currentTarget)}
        onKeyDown={onKeyDown}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
        aria-autocomplete="list"
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open ? optionId(activeIndex) : undefined}
      />
      {open ? (
        <Paper
          id={listId}
          role="listbox"
          aria-label={t('cases.mentions.list')}
          withBorder
          shadow="md"
          radius="md"
          p={4}
          pos="absolute"
          left={0}
          right={0}
          top="100%"
          mt={4}
          style={{ zIndex: 300, maxHeight: 240, overflowY: 'auto' }}
          data-testid="mention-list"
        >
          {items.map((candidate, index) => (
            <UnstyledButton
              key={candidate.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === activeIndex}
              tabIndex={-1}
              display="block"
              w="100%"
              px="sm"
              py={6}
              bg={index === activeIndex ? 'var(--mantine-color-blue-light)' : undefined}
              style={{ borderRadius: 6 }}
              // mousedown, not click: the textarea keeps its focus and caret.
              onMouseDown={(event) => {
                event.preventDefault();
                pick(candidate);
              }}
              onMouseEnter={() => setActive(index)}
            >
              <Text size="sm" fw={600} component="span" display="block">
                {candidate.name}
              </Text>
              <Text size="xs" c="dimmed" component="span" display="block">
                {candidate.role === 'member' ? candidate.email : `${t(`cases.mentions.roles.${candidate.role}`)} · ${candidate.email}`}
              </Text>
            </UnstyledButton>
          ))}
        </Paper>
      ) : null}
    </div>
  );
}
