import { Group, Radio, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import type { CaseCategory } from '@common/cases';
import type { CaseWizardOptions } from '@common/schemas/cases';
import { useTranslation } from 'react-i18next';
import { requiredFieldProps } from '../../components/required-field-props';
import type { WizardForm } from './wizard-form';

interface WizardSiteStepProps {
  options: CaseWizardOptions;
  form: WizardForm;
  onSite: (siteId: string | null) => void;
  onCategory: (category: CaseCategory) => void;
  showErrors: boolean;
}

/** Step 1: the site the case is about and one of the manual's eight categories. */
export function WizardSiteStep({ options, form, onSite, onCategory, showErrors }: WizardSiteStepProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg" data-testid="wizard-site-step">
      <Select
        label={t('cases.fields.site')}
        placeholder={t('cases.wizard.chooseSite')}
        data={options.sites.map((site) => ({ value: site.id, label: site.name }))}
        value={form.siteId}
        onChange={onSite}
        searchable
        maw={480}
        error={showErrors && !form.siteId ? t('cases.wizard.siteRequired') : undefined}
        {...requiredFieldProps}
        data-testid="wizard-site"
      />
      <Radio.Group
        label={t('cases.fields.category')}
        value={form.category}
        onChange={(value) => onCategory(value as CaseCategory)}
        error={showErrors && !form.category ? t('cases.wizard.categoryRequired') : undefined}
        {...requiredFieldProps}
      >
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="xs" mt="xs">
          {options.categories.map((category) => (
            <Radio.Card key={category} value={category} radius="md" p="sm" data-testid="wizard-category">
              <Group wrap="nowrap" gap="sm">
                <Radio.Indicator />
                <Text size="sm">{t(`cases.categories.${category}`)}</Text>
              </Group>
            </Radio.Card>
          ))}
        </SimpleGrid>
      </Radio.Group>
    </Stack>
  );
}
