import { Select, TextInput } from '@mantine/core';
import type { ArticleLanguage } from '@common/knowledge';
import { useTranslation } from 'react-i18next';
import { FIELD_LIMITS, validateWords } from './article-draft';

/** What is wrong with a new title (empty, too long, a forbidden character), or undefined. */
export const titleProblem = (title: string) => validateWords({ title, summary: '', issue: '', environment: '', resolution: '' }).title;

/**
 * The language and title a new article or a new translation starts from: the two modals that start
 * one ask for the same fields with the same rules. `touched`: the form was submitted once, so the
 * title's problem shows.
 */
export function ArticleStartFields(props: {
  languages: readonly ArticleLanguage[];
  language: ArticleLanguage;
  onLanguageChange: (language: ArticleLanguage) => void;
  title: string;
  onTitleChange: (title: string) => void;
  titleDescription?: string;
  touched: boolean;
  testIdPrefix: string;
}) {
  const { t } = useTranslation();
  const problem = titleProblem(props.title);
  return (
    <>
      <Select
        label={t('knowledge.fields.language')}
        data={props.languages.map((value) => ({ value, label: t(`common.languages.${value}`) }))}
        value={props.language}
        onChange={(value) => value && props.onLanguageChange(value as ArticleLanguage)}
        allowDeselect={false}
        data-testid={`${props.testIdPrefix}-language`}
      />
      <TextInput
        label={t('knowledge.fields.title')}
        description={props.titleDescription}
        value={props.title}
        onChange={(event) => props.onTitleChange(event.currentTarget.value)}
        required
        maxLength={FIELD_LIMITS.title}
        error={props.touched && problem ? t(`knowledge.problems.${problem}`, { max: FIELD_LIMITS.title }) : undefined}
        data-autofocus
        data-testid={`${props.testIdPrefix}-title`}
      />
    </>
  );
}
