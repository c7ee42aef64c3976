import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getErrorMessage } from '../../components/get-error-message';
import { useSetDisplayName, type LicensedProduct } from './products.api';

const MAX_LENGTH = 80;
const CONTROL_CHARACTERS = /\p{Cc}/u;

function DisplayNameForm({ organizationId, item, onClose }: { organizationId: string; item: LicensedProduct; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSetDisplayName(organizationId);
  const [value, setValue] = useState(item.displayName ?? '');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  const send = (displayName: string) => {
    setFormError(null);
    save.mutate(
      { siteId: item.site.id, productId: item.product.id, displayName },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: displayName ? t('products.displayName.saved') : t('products.displayName.cleared') });
          onClose();
        },
        onError: (error) => setFormError(getErrorMessage(error)),
      },
    );
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = value.trim();
    if (trimmed.length > MAX_LENGTH) return setFieldError(t('products.displayName.tooLong', { max: MAX_LENGTH }));
    if (CONTROL_CHARACTERS.test(trimmed)) return setFieldError(t('fieldErrors.controlCharacters'));
    send(trimmed);
  };

  return (
    <form onSubmit={submit} noValidate data-testid="display-name-form">
      <Stack gap="md">
        {formError ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
            {formError}
          </Alert>
        ) : null}
        <Text size="sm" c="dimmed">
          {t('products.displayName.intro', { product: item.product.name, site: item.site.name })}
        </Text>
        <TextInput
          label={t('products.displayName.label')}
          placeholder={item.product.name}
          value={value}
          onChange={(event) => {
            setValue(event.currentTarget.value);
            setFieldError(null);
          }}
          error={fieldError}
          maxLength={MAX_LENGTH + 20}
          data-autofocus
        />
        <Group justify="space-between">
          <Button variant="subtle" color="gray" onClick={() => send('')} disabled={!item.displayName || save.isPending} data-testid="clear-display-name">
            {t('products.displayName.clear')}
          </Button>
          <Group gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

/** Gives a licensed product the member's own name (the manual's step 5); only they see it. */
export function DisplayNameModal({ organizationId, item, onClose }: { organizationId: string; item: LicensedProduct | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={item !== null} onClose={onClose} title={t('products.displayName.title')}>
      {item ? <DisplayNameForm key={item.entitlementId} organizationId={organizationId} item={item} onClose={onClose} /> : null}
    </Modal>
  );
}
