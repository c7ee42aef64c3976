import { SimpleGrid, Select, Stack, Text } from '@mantine/core';
import type { CaseWizardOptions } from '@common/schemas/cases';
import { useTranslation } from 'react-i18next';
import { ContractAdvice, needsContractAdvice } from './contract-advice';
import { NOT_SURE, productChoices, type WizardForm } from './wizard-form';

interface WizardProductStepProps {
  options: CaseWizardOptions;
  form: WizardForm;
  onChange: (change: Partial<Pick<WizardForm, 'familyId' | 'productId' | 'releaseId'>>) => void;
}

/**
 * Step 2: product family → product → version from the site's entitlements, each with "Not sure";
 * and the contract message when the site's support contract ends soon or has ended. For a site that
 * cannot take cases (no contract, or past its grace period) only that message: nothing to choose.
 */
export function WizardProductStep({ options, form, onChange }: WizardProductStepProps) {
  const { t } = useTranslation();
  const site = options.sites.find((entry) => entry.id === form.siteId);
  const { families, products, versions } = productChoices(site, form);
  const notSure = { value: NOT_SURE, label: t('cases.wizard.notSure') };

  if (site && !site.contract.allowsAccess) {
    return (
      <Stack gap="lg" data-testid="wizard-product-step">
        <ContractAdvice site={site} accountTeam={options.accountTeam} />
      </Stack>
    );
  }
  return (
    <Stack gap="lg" data-testid="wizard-product-step">
      {site && needsContractAdvice(site) ? <ContractAdvice site={site} accountTeam={options.accountTeam} /> : null}
      {families.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('cases.wizard.noProducts')}
        </Text>
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <Select
          label={t('cases.fields.productFamily')}
          data={[notSure, ...families.map((family) => ({ value: family.id, label: family.name }))]}
          value={form.familyId}
          onChange={(value) => onChange({ familyId: value ?? NOT_SURE })}
          allowDeselect={false}
          data-testid="wizard-family"
        />
        <Select
          label={t('cases.fields.product')}
          data={[notSure, ...products.map((product) => ({ value: product.id, label: product.name }))]}
          value={form.productId}
          onChange={(value) => onChange({ productId: value ?? NOT_SURE })}
          allowDeselect={false}
          disabled={products.length === 0}
          data-testid="wizard-product"
        />
        <Select
          label={t('cases.fields.version')}
          data={[notSure, ...versions.map((version) => ({ value: version.id, label: version.version }))]}
          value={form.releaseId}
          onChange={(value) => onChange({ releaseId: value ?? NOT_SURE })}
          allowDeselect={false}
          disabled={versions.length === 0}
          data-testid="wizard-version"
        />
      </SimpleGrid>
    </Stack>
  );
}
