import { Button, Group, TextInput } from '@mantine/core';
import { IconArrowRight, IconHash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { getErrorMessage } from '../../components/get-error-message';
import { useFindCaseByNumber } from './case-queue.api';

/** "Go to case": an 8-digit case number or a number from the old system opens that case. */
export function GoToCaseForm({ queueSearch }: { queueSearch: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const find = useFindCaseByNumber();
  const [number, setNumber] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const wanted = number.trim();
    if (!wanted) {
      setError(t('caseQueue.goTo.required'));
      return;
    }
    setError(null);
    find.mutate(wanted, {
      onSuccess: (found) => void navigate(`/console/cases/${encodeURIComponent(found.organizationId)}/${encodeURIComponent(found.id)}`, { state: { queueSearch } }),
      onError: (failure) => setError(getErrorMessage(failure)),
    });
  };

  return (
    <form onSubmit={submit} noValidate data-testid="go-to-case">
      <Group align="flex-start" gap="xs" wrap="nowrap">
        <TextInput
          label={t('caseQueue.goTo.label')}
          placeholder={t('caseQueue.goTo.placeholder')}
          leftSection={<IconHash size={16} />}
          value={number}
          onChange={(event) => {
            setNumber(event.currentTarget.value);
            setError(null);
          }}
          error={error}
          maxLength={100}
          autoComplete="off"
          w={{ base: '100%', xs: 260 }}
        />
        <Button type="submit" mt={25} variant="default" rightSection={<IconArrowRight size={16} />} loading={find.isPending} style={{ flexShrink: 0 }}>
          {t('caseQueue.goTo.submit')}
        </Button>
      </Group>
    </form>
  );
}
