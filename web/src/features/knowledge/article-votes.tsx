import { ActionIcon, Group, Text, Tooltip } from '@mantine/core';
import { IconThumbDown, IconThumbDownFilled, IconThumbUp, IconThumbUpFilled } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getErrorMessage } from '../../components/get-error-message';
import { applyVote } from '../search/apply-vote';
import { useArticleVote, type ArticleVotesState, type Vote } from '../search/search.api';

interface ArticleVotesProps {
  organizationId: string;
  articleId: string;
  votes: ArticleVotesState;
}

/**
 * "Was this helpful?": thumbs up and down with their counts, one vote per reader. Clicking the
 * chosen thumb again withdraws the vote. The counts change at once and are corrected by the
 * server's answer (or put back when the vote fails).
 */
export function ArticleVotes({ organizationId, articleId, votes }: ArticleVotesProps) {
  const { t } = useTranslation();
  const vote = useArticleVote(organizationId, articleId);
  const [shown, setShown] = useState(votes);
  // New counts from the page (a refetch, another language) replace what is shown; a render-time reset, as React advises.
  const [source, setSource] = useState(votes);
  if (source.helpful !== votes.helpful || source.notHelpful !== votes.notHelpful || source.mine !== votes.mine) {
    setSource(votes);
    setShown(votes);
  }

  const cast = (value: Vote) => {
    const before = shown;
    const next = shown.mine === value ? null : value;
    setShown(applyVote(shown, next));
    vote.mutate(next, {
      onSuccess: (result) => setShown(result && typeof result.helpful === 'number' ? result : applyVote(before, next)),
      onError: () => setShown(before),
    });
  };

  const button = (value: Vote) => {
    const chosen = shown.mine === value;
    const label = t(value === 'up' ? 'search.votes.helpful' : 'search.votes.notHelpful');
    const Icon = value === 'up' ? (chosen ? IconThumbUpFilled : IconThumbUp) : chosen ? IconThumbDownFilled : IconThumbDown;
    const count = value === 'up' ? shown.helpful : shown.notHelpful;
    return (
      <Group gap={4} wrap="nowrap">
        <Tooltip label={chosen ? t('search.votes.withdraw') : label}>
          <ActionIcon
            variant={chosen ? 'filled' : 'default'}
            color={value === 'up' ? 'teal' : 'red'}
            size="lg"
            radius="xl"
            aria-label={label}
            aria-pressed={chosen}
            disabled={vote.isPending}
            onClick={() => cast(value)}
            data-testid={`vote-${value}`}
          >
            <Icon size={18} aria-hidden />
          </ActionIcon>
        </Tooltip>
        <Text size="sm" c="dimmed" aria-label={t(value === 'up' ? 'search.votes.helpfulCount' : 'search.votes.notHelpfulCount', { count })} data-testid={`vote-${value}-count`}>
          {count}
        </Text>
      </Group>
    );
  };

  return (
    <div role="group" aria-labelledby={`article-votes-${articleId}`} data-testid="article-votes">
      <Group gap="md" wrap="wrap">
        <Text size="sm" fw={600} id={`article-votes-${articleId}`}>
          {t('search.votes.question')}
        </Text>
        <Group gap="sm" wrap="nowrap">
          {button('up')}
          {button('down')}
        </Group>
      </Group>
      {shown.mine ? (
        <Text size="xs" c="dimmed" mt={4} aria-live="polite">
          {t('search.votes.thanks')}
        </Text>
      ) : null}
      {vote.isError ? (
        <Text size="xs" c="red" mt={4} role="alert">
          {getErrorMessage(vote.error)}
        </Text>
      ) : null}
    </div>
  );
}
