import { Select, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { requiredFieldProps } from '../../components/required-field-props';
import { useFamilies } from './catalog.api';
import { useLocalized } from './use-catalog-access';

export type ProductField = 'familyId' | 'name' | 'description';

interface ProductFieldsProps {
  values: Record<ProductField, string>;
  errors: Partial<Record<ProductField, string>>;
  onChange: (field: ProductField, value: string) => void;
  readOnly?: boolean;
}

/** The family, name and description of a product, shared by the create form and the overview tab. */
export function ProductFields({ values, errors, onChange, readOnly = false }: ProductFieldsProps) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const families = useFamilies();
  const options = (families.data?.items ?? []).map((family) => ({ value: family.id, label: localized(family.name) }));
  return (
    <>
      <Select
        label={t('catalog.products.fields.family')}
        {...requiredFieldProps}
        data={options}
        value={values.familyId || null}
        onChange={(value) => onChange('familyId', value ?? '')}
        error={errors.familyId}
        allowDeselect={false}
        readOnly={readOnly}
        comboboxProps={{ withinPortal: true }}
      />
      <TextInput
        label={t('catalog.products.fields.name')}
        {...requiredFieldProps}
        value={values.name}
        onChange={(event) => onChange('name', event.currentTarget.value)}
        error={errors.name}
        maxLength={100}
        readOnly={readOnly}
      />
      <Textarea
        label={t('catalog.products.fields.description')}
        value={values.description}
        onChange={(event) => onChange('description', event.currentTarget.value)}
        error={errors.description}
        maxLength={2000}
        autosize
        minRows={3}
        readOnly={readOnly}
      />
    </>
  );
}

/** The form's own checks before sending: a family and a name. */
export function checkProductFields(values: Record<ProductField, string>, required: string): Partial<Record<ProductField, string>> {
  const errors: Partial<Record<ProductField, string>> = {};
  if (!values.familyId) errors.familyId = required;
  if (!values.name.trim()) errors.name = required;
  return errors;
}
