import { CASE_EMAIL_KINDS, type CaseEmailKind } from '@common/cases';
import { CUSTOMER_ROLE_PERMISSIONS, STAFF_ROLE_PERMISSIONS } from '@common/permissions';
import type { CaseEmailPreferences as CaseEmailPreferencesBody } from '@common/schemas/cases';
import { Button, Card, Checkbox, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiClient } from '../../app/api-client';
import { getErrorMessage } from '../../components/get-error-message';
import { LoadErrorAlert } from '../../components/load-error-alert';
import { useSignedInMe } from '../auth/use-signed-in-me';

const caseEmailsKey = ['case-email-preferences'] as const;
const caseEmailsPath = '/api/v1/me/case-email-preferences';

/** The case emails the signed-in person gets. */
function useCaseEmailPreferences(enabled: boolean) {
  return useQuery({ queryKey: caseEmailsKey, queryFn: () => apiClient.get<CaseEmailPreferencesBody>(caseEmailsPath), enabled });
}

/** Saves which case emails the signed-in person gets. */
function useSaveCaseEmailPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CaseEmailPreferencesBody) => apiClient.put<CaseEmailPreferencesBody>(caseEmailsPath, body),
    onSuccess: (saved, body) => queryClient.setQueryData(caseEmailsKey, saved ?? body),
  });
}

/** The checkboxes, starting from the saved choice (the form is remounted when that changes). */
function CaseEmailForm({ saved }: { saved: CaseEmailKind[] }) {
  const { t } = useTranslation();
  const save = useSaveCaseEmailPreferences();
  const [kinds, setKinds] = useState<CaseEmailKind[]>(saved);

  const submit = () =>
    save.mutate(
      { kinds: CASE_EMAIL_KINDS.filter((kind) => kinds.includes(kind)) },
      {
        onSuccess: () => notifications.show({ color: 'teal', message: t('caseEmails.saved') }),
        onError: (error) => notifications.show({ color: 'red', message: getErrorMessage(error) }),
      },
    );

  return (
    <Stack gap="md">
      <Checkbox.Group label={t('caseEmails.label')} value={kinds} onChange={(value) => setKinds(value as CaseEmailKind[])}>
        <Stack gap="sm" mt="xs">
          {CASE_EMAIL_KINDS.map((kind) => (
            <Checkbox key={kind} value={kind} label={t(`caseEmails.kinds.${kind}.label`)} description={t(`caseEmails.kinds.${kind}.description`)} />
          ))}
        </Stack>
      </Checkbox.Group>
      <Group>
        <Button onClick={submit} loading={save.isPending} data-testid="save-case-emails">
          {t('common.save')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Account page section: which case emails the person gets; shown to people who may see cases. */
export function CaseEmailPreferences() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const seesCases =
    (me.staffRole !== null && STAFF_ROLE_PERMISSIONS[me.staffRole].includes('case.view')) ||
    me.memberships.some((membership) => CUSTOMER_ROLE_PERMISSIONS[membership.role].includes('case.view'));
  const preferences = useCaseEmailPreferences(seesCases);
  if (!seesCases) return null;

  const renderBody = () => {
    if (preferences.isError) return <LoadErrorAlert error={preferences.error} onRetry={() => void preferences.refetch()} />;
    if (!preferences.data) return <Skeleton height={160} radius="md" />;
    return <CaseEmailForm key={preferences.data.kinds.join(',')} saved={preferences.data.kinds} />;
  };

  return (
    <Card withBorder radius="lg" p="lg" component="section" aria-labelledby="case-emails-title" data-testid="case-email-preferences">
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} size="h4" id="case-emails-title">
            {t('caseEmails.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('caseEmails.intro')}
          </Text>
        </Stack>
        {renderBody()}
      </Stack>
    </Card>
  );
}
