import { Alert, Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getErrorMessage } from '../../components/get-error-message';
import { getFieldErrors } from '../../components/get-field-errors';
import { requiredFieldProps } from '../../components/required-field-props';
import { getSitePaths } from './build-site-tree';
import { getMoveTargets } from './get-move-targets';
import { useCreateSite, useUpdateSite, type SiteTreeItem } from './sites.api';

/** What the form is for: a new site (under `parentId`, null for the top level), or renaming and moving one. */
export type SiteFormMode = { kind: 'add'; parentId: string | null } | { kind: 'edit'; site: SiteTreeItem };

/** The parent select's value for "top level": Select needs a string. */
const TOP_LEVEL = 'top-level';

interface SiteFormProps {
  organizationId: string;
  sites: readonly SiteTreeItem[];
  mode: SiteFormMode;
  onClose: () => void;
}

function SiteForm({ organizationId, sites, mode, onClose }: SiteFormProps) {
  const { t } = useTranslation();
  const create = useCreateSite(organizationId);
  const update = useUpdateSite(organizationId);
  const editing = mode.kind === 'edit' ? mode.site : null;
  const [name, setName] = useState(editing?.name ?? '');
  const [parent, setParent] = useState<string>((editing ? editing.parentId : mode.kind === 'add' ? mode.parentId : null) ?? TOP_LEVEL);
  const [fieldErrors, setFieldErrors] = useState<{ name?: string; parentId?: string }>({});
  const [formError, setFormError] = useState<string | null>(null);

  const parentOptions = useMemo(() => {
    const paths = getSitePaths(sites);
    const targets = editing ? getMoveTargets(sites, editing.id) : sites;
    const options = targets
      .map((site) => ({ value: site.id, label: paths.get(site.id) ?? site.name }))
      .sort((a, b) => a.label.localeCompare(b.label));
    return [{ value: TOP_LEVEL, label: t('sites.topLevel') }, ...options];
  }, [sites, editing, t]);

  const onError = (error: Error) => {
    const errors = getFieldErrors(error, { 'sites.invalid_parent': 'parentId' });
    setFieldErrors({ name: errors.name, parentId: errors.parentId });
    if (!errors.name && !errors.parentId) setFormError(getErrorMessage(error));
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    if (!name.trim()) {
      setFieldErrors({ name: t('register.errors.required') });
      return;
    }
    const parentId = parent === TOP_LEVEL ? null : parent;
    const onSuccess = () => {
      notifications.show({ color: 'teal', message: editing ? t('sites.saved') : t('sites.created', { name: name.trim() }) });
      onClose();
    };
    if (editing) {
      const body = {
        ...(name.trim() !== editing.name ? { name: name.trim() } : {}),
        ...(parentId !== editing.parentId ? { parentId } : {}),
      };
      if (Object.keys(body).length === 0) return onClose();
      update.mutate({ siteId: editing.id, body }, { onSuccess, onError });
    } else {
      create.mutate({ name: name.trim(), parentId }, { onSuccess, onError });
    }
  };

  return (
    <form onSubmit={submit} noValidate data-testid="site-form">
      <Stack gap="md">
        {formError ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
            {formError}
          </Alert>
        ) : null}
        <TextInput
          label={t('sites.fields.name')}
          {...requiredFieldProps}
          value={name}
          onChange={(event) => {
            setName(event.currentTarget.value);
            setFieldErrors((errors) => ({ ...errors, name: undefined }));
          }}
          error={fieldErrors.name}
          maxLength={100}
          data-autofocus
        />
        <Select
          label={t('sites.fields.parent')}
          description={editing ? t('sites.fields.parentMoveHint') : undefined}
          data={parentOptions}
          value={parent}
          onChange={(value) => {
            setParent(value ?? TOP_LEVEL);
            setFieldErrors((errors) => ({ ...errors, parentId: undefined }));
          }}
          allowDeselect={false}
          searchable
          error={fieldErrors.parentId}
          comboboxProps={{ withinPortal: true }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {editing ? t('common.save') : t('sites.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Adds a site (top level or under another), or renames and moves one. */
export function SiteFormModal({ mode, ...props }: Omit<SiteFormProps, 'mode'> & { mode: SiteFormMode | null }) {
  const { t } = useTranslation();
  const title = mode?.kind === 'edit' ? t('sites.editTitle') : mode?.parentId ? t('sites.addSubSiteTitle') : t('sites.addTitle');
  return (
    <Modal opened={mode !== null} onClose={props.onClose} title={title} centered>
      {mode ? <SiteForm key={mode.kind === 'edit' ? mode.site.id : `add-${mode.parentId ?? ''}`} mode={mode} {...props} /> : null}
    </Modal>
  );
}
