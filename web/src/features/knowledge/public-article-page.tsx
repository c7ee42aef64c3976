import { Anchor, Box, Button, Container, Group, Skeleton } from '@mantine/core';
import { IconLogin2 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { usePageTitle } from '../../app/branding';
import { useServiceName } from '../../app/branding';
import { BrandMark } from '../../components/brand-mark';
import { LoadErrorAlert } from '../../components/load-error-alert';
import { useMe } from '../auth/auth.api';
import { ColorSchemeToggle } from '../preferences/color-scheme-toggle';
import { LanguageSwitch } from '../preferences/language-switch';
import { ArticleNotFound } from './article-not-found';
import { readArticleLanguage } from './article-language';
import { customerArticleSignInPath } from './customer-article-sign-in-path';
import { ArticleReadingView } from './article-reading-view';
import { usePublicArticle } from './knowledge.api';

/**
 * `/kb/:articleId?lang=`: a public knowledge article, for anyone with the link, signed in or not:
 * the reading view under a plain header with the brand (no shell, no votes). The API answers 404
 * for an article that is not public, whatever it is; so a signed-out visitor is also offered to
 * sign in, and then reads it in the portal if it is for their organization's customers.
 */
export function PublicArticlePage() {
  const { t } = useTranslation();
  const service = useServiceName();
  const { articleId = '' } = useParams();
  const [searchParams, setSearchParams] = useSearchParams();
  const language = readArticleLanguage(searchParams.get('lang'));
  const query = usePublicArticle(articleId, language);
  const me = useMe();
  const isSignedOut = me.isSuccess && me.data === null;
  const view = query.data;
  usePageTitle(view?.title ?? t('knowledge.public.title'));

  const renderBody = () => {
    if (query.isError && !view) {
      return (
        <LoadErrorAlert
          error={query.error}
          onRetry={() => void query.refetch()}
          notFound={
            <ArticleNotFound
              backPath="/"
              backLabel={t('common.goHome')}
              action={
                isSignedOut ? (
                  <Button component={Link} to={customerArticleSignInPath(articleId, language)} leftSection={<IconLogin2 size={18} />} data-testid="article-sign-in">
                    {t('knowledge.public.signIn')}
                  </Button>
                ) : null
              }
            />
          }
        />
      );
    }
    if (!view) return <Skeleton height={480} radius="lg" />;
    return <ArticleReadingView view={view} isSwitching={query.isPlaceholderData} onLanguageChange={(next) => setSearchParams({ lang: next }, { replace: true })} />;
  };

  return (
    <Box mih="100dvh" bg="var(--mantine-color-body)" data-testid="public-article-page">
      <Box component="header" px="md" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
        <Container size="md" px={0}>
          <Group justify="space-between" wrap="nowrap">
            <Anchor component={Link} to="/" underline="never" c="inherit" aria-label={t('knowledge.public.home', { service: service ?? 'Atrium' })}>
              <BrandMark />
            </Anchor>
            <Group gap="xs" wrap="nowrap">
              <LanguageSwitch />
              <ColorSchemeToggle />
            </Group>
          </Group>
        </Container>
      </Box>
      <Container size="md" py="xl" component="main">
        {renderBody()}
      </Container>
    </Box>
  );
}
