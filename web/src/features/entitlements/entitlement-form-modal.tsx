import { Alert, Button, Group, Modal, NumberInput, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api-error';
import { getErrorMessage } from '../../components/get-error-message';
import { getFieldErrors } from '../../components/get-field-errors';
import { requiredFieldProps } from '../../components/required-field-props';
import type { EntitlementsDialog } from './entitlements-dialog';
import { useCatalogProducts, useCreateEntitlement, useUpdateEntitlement } from './entitlements.api';
import { useContractName } from './use-contract-name';

type Mode = Extract<EntitlementsDialog, { kind: 'add-entitlement' | 'edit-entitlement' }>;
/** The contract select's value for "covered by the site's contract": Select needs a string. */
const SITE_CONTRACT = 'site';
const MAX_QUANTITY = 1_000_000;
/** Errors about one field, shown under it in the server's words (already in the person's language). */
const CODE_FIELDS: Record<string, 'productId' | 'contractId' | undefined> = {
  'entitlements.product_taken': 'productId',
  'entitlements.product_not_found': 'productId',
  'contracts.wrong_site': 'contractId',
};

function EntitlementForm({ organizationId, mode, onClose }: { organizationId: string; mode: Mode; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const nameOf = useContractName();
  const editing = mode.kind === 'edit-entitlement' ? mode.entitlement : null;
  const products = useCatalogProducts(!editing);
  const create = useCreateEntitlement(organizationId);
  const update = useUpdateEntitlement(organizationId);
  const [productId, setProductId] = useState<string | null>(editing?.product.id ?? null);
  const [quantity, setQuantity] = useState<number | string>(editing?.quantity ?? 1);
  const [contract, setContract] = useState<string>(editing?.contractId ?? SITE_CONTRACT);
  const [fieldErrors, setFieldErrors] = useState<{ productId?: string; quantity?: string; contractId?: string }>({});
  const [formError, setFormError] = useState<string | null>(null);
  const language = i18n.resolvedLanguage === 'en' ? 'en' : 'ko';

  const productOptions = useMemo(() => {
    const held = new Set(mode.holdings.entitlements.map((entitlement) => entitlement.product.id));
    const groups = new Map<string, { value: string; label: string }[]>();
    for (const product of products.data?.items ?? []) {
      if (held.has(product.id)) continue;
      const family = product.family.name[language] || product.family.name.en;
      groups.set(family, [...(groups.get(family) ?? []), { value: product.id, label: product.name }]);
    }
    return [...groups].map(([group, items]) => ({ group, items }));
  }, [products.data, mode.holdings.entitlements, language]);

  const contractOptions = [
    { value: SITE_CONTRACT, label: t('entitlements.fields.contractSite') },
    ...mode.holdings.entitlementContracts.map((c) => ({ value: c.id, label: `${nameOf(c)} (${t('entitlements.fields.endsOnShort', { date: c.endsOn })})` })),
  ];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    const count = typeof quantity === 'number' ? quantity : Number(quantity);
    const errors = {
      productId: productId ? undefined : t('entitlements.errors.required'),
      quantity: Number.isInteger(count) && count >= 1 && count <= MAX_QUANTITY ? undefined : t('entitlements.errors.quantity', { max: MAX_QUANTITY.toLocaleString() }),
    };
    if (errors.productId || errors.quantity) return setFieldErrors(errors);
    const contractId = contract === SITE_CONTRACT ? null : contract;
    const name = editing?.product.name ?? products.data?.items.find((product) => product.id === productId)?.name ?? '';
    const handlers = {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: editing ? t('entitlements.messages.entitlementSaved', { name }) : t('entitlements.messages.entitlementCreated', { name, site: mode.site.path }) });
        onClose();
      },
      onError: (error: Error) => {
        const codeField = error instanceof ApiError ? CODE_FIELDS[error.code] : undefined;
        if (codeField) return setFieldErrors({ [codeField]: error.message });
        const fields = getFieldErrors(error);
        const next = { productId: fields.productId, quantity: fields.quantity, contractId: fields.contractId };
        setFieldErrors(next);
        if (!next.productId && !next.quantity && !next.contractId) setFormError(getErrorMessage(error));
      },
    };
    if (editing) update.mutate({ entitlementId: editing.id, body: { quantity: count, contractId } }, handlers);
    else create.mutate({ siteId: mode.site.id, body: { productId: productId!, quantity: count, contractId } }, handlers);
  };

  return (
    <form onSubmit={submit} noValidate data-testid="entitlement-form">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {mode.site.path}
        </Text>
        {formError ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
            {formError}
          </Alert>
        ) : null}
        {products.isError ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
            {getErrorMessage(products.error)}
          </Alert>
        ) : null}
        <Select
          label={t('entitlements.fields.product')}
          placeholder={t('entitlements.fields.productPlaceholder')}
          {...requiredFieldProps}
          data={editing ? [{ value: editing.product.id, label: editing.product.name }] : productOptions}
          value={productId}
          onChange={(value) => {
            setProductId(value);
            setFieldErrors((current) => ({ ...current, productId: undefined }));
          }}
          disabled={Boolean(editing)}
          searchable
          nothingFoundMessage={products.data?.items.length === 0 ? t('entitlements.noCatalogProducts') : t('entitlements.allProductsHeld')}
          error={fieldErrors.productId}
          comboboxProps={{ withinPortal: true }}
          data-autofocus
        />
        <NumberInput
          label={t('entitlements.fields.quantity')}
          {...requiredFieldProps}
          value={quantity}
          onChange={(value) => {
            setQuantity(value);
            setFieldErrors((current) => ({ ...current, quantity: undefined }));
          }}
          min={1}
          max={MAX_QUANTITY}
          allowDecimal={false}
          allowNegative={false}
          thousandSeparator=","
          error={fieldErrors.quantity}
        />
        <Select
          label={t('entitlements.fields.contract')}
          description={t('entitlements.fields.contractHint')}
          data={contractOptions}
          value={contract}
          onChange={(value) => {
            setContract(value ?? SITE_CONTRACT);
            setFieldErrors((current) => ({ ...current, contractId: undefined }));
          }}
          allowDeselect={false}
          error={fieldErrors.contractId}
          comboboxProps={{ withinPortal: true }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {editing ? t('common.save') : t('entitlements.actions.addProduct')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Licenses a product to a site with a quantity and, where its terms differ, its own contract; or edits one. */
export function EntitlementFormModal({ organizationId, dialog, onClose }: { organizationId: string; dialog: EntitlementsDialog | null; onClose: () => void }) {
  const { t } = useTranslation();
  const mode = dialog?.kind === 'add-entitlement' || dialog?.kind === 'edit-entitlement' ? dialog : null;
  return (
    <Modal opened={mode !== null} onClose={onClose} title={mode?.kind === 'edit-entitlement' ? t('entitlements.titles.editEntitlement') : t('entitlements.titles.addEntitlement')} centered>
      {mode ? <EntitlementForm key={mode.kind === 'edit-entitlement' ? mode.entitlement.id : `add-${mode.site.id}`} organizationId={organizationId} mode={mode} onClose={onClose} /> : null}
    </Modal>
  );
}
