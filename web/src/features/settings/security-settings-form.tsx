import { Alert, Button, Checkbox, Fieldset, Group, List, NumberInput, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconLockExclamation } from '@tabler/icons-react';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api-error';
import { getErrorMessage } from '../../components/get-error-message';
import { getFieldErrors } from '../../components/get-field-errors';
import { parseIpList } from './parse-ip-list';
import {
  ipFields,
  numberLimits,
  readSecurityForm,
  type IpField,
  type NumberField,
  type PolicyFlag,
  type SecurityFormField as Field,
  type SecurityFormIssue,
} from './read-security-form';
import { useUpdateSecuritySettings, type SecuritySettings } from './settings.api';

const policyFlags: PolicyFlag[] = ['requireLower', 'requireUpper', 'requireDigit', 'requireSpecial', 'blockCommon'];
/** Where the server's field names point in this form. */
const serverFields: Record<string, Field> = {
  lockoutAttempts: 'lockoutAttempts',
  lockoutSeconds: 'lockoutSeconds',
  idleTimeoutSeconds: 'idleTimeoutMinutes',
  'passwordPolicy.minLength': 'minLength',
};
const isIpField = (name: string | undefined): name is IpField => ipFields.includes(name as IpField);
/** Label, box, then what is wrong and the hint: the boxes side by side line up whatever their hints. */
const INPUT_ORDER: ('label' | 'input' | 'description' | 'error')[] = ['label', 'input', 'error', 'description'];

/** The console's security settings: sign-in attempts and lock time, idle sign-out, allowed IPs, password policy. */
export function SecuritySettingsForm({ settings }: { settings: SecuritySettings }) {
  const { t, i18n } = useTranslation();
  const update = useUpdateSecuritySettings();
  const lockoutRef = useRef<HTMLDivElement>(null);
  const [numbers, setNumbers] = useState<Record<NumberField, number | string>>({
    lockoutAttempts: settings.lockoutAttempts,
    lockoutSeconds: settings.lockoutSeconds,
    idleTimeoutMinutes: Math.round((settings.idleTimeoutSeconds / 60) * 100) / 100,
    minLength: settings.passwordPolicy.minLength,
  });
  const [ips, setIps] = useState<Record<IpField, string>>({
    consoleAllowedIps: settings.consoleAllowedIps.join('\n'),
    agentAllowedIps: settings.agentAllowedIps.join('\n'),
  });
  const [flags, setFlags] = useState<Record<PolicyFlag, boolean>>(() => ({ ...settings.passwordPolicy }));
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [lockoutError, setLockoutError] = useState<string | null>(null);

  const lineError = (line: number, message: string) => t('settings.security.lineError', { line, message });
  const formatNumber = (value: number) => value.toLocaleString(i18n.language);

  const issueText = (issue: SecurityFormIssue) => {
    switch (issue.kind) {
      case 'range':
        return t(issue.whole ? 'settings.security.outOfRangeWhole' : 'settings.security.outOfRange', { min: formatNumber(issue.min), max: formatNumber(issue.max) });
      case 'invalidIp':
        return lineError(issue.line, t('settings.security.invalidIp', { value: issue.value }));
      case 'duplicateIp':
        return lineError(issue.line, t('settings.security.duplicateIp', { value: issue.value, firstLine: issue.firstLine }));
    }
  };

  const showServerError = (error: Error) => {
    if (error instanceof ApiError && error.code === 'settings.would_lock_out') {
      setLockoutError(error.message);
      lockoutRef.current?.scrollIntoView({ behavior: 'smooth', block: 'center' });
      return;
    }
    const errors: Partial<Record<Field, string>> = {};
    const unplaced: string[] = [];
    const rawFieldErrors = error instanceof ApiError ? error.fieldErrors : {};
    for (const [name, message] of Object.entries(getFieldErrors(error))) {
      const [list, index] = name.split('.');
      if (isIpField(list)) {
        const parsed = parseIpList(ips[list]);
        const line = parsed.lines[Number(index)];
        // The server names a repeated entry by a code the shared field-error texts do not know.
        const duplicate = rawFieldErrors[name]?.includes('settings.duplicate_ip_rule') ? parsed.duplicates.find((entry) => entry.line === line) : undefined;
        const text = duplicate ? issueText({ kind: 'duplicateIp', ...duplicate }) : line ? lineError(line, message) : message;
        errors[list] = errors[list] ? `${errors[list]}\n${text}` : text;
      } else if (serverFields[name]) errors[serverFields[name]] = message;
      else unplaced.push(message);
    }
    setFieldErrors(errors);
    if (Object.keys(errors).length === 0 || unplaced.length > 0) setFormError([getErrorMessage(error), ...unplaced].join(' '));
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    setLockoutError(null);
    const result = readSecurityForm({ numbers, ips, flags });
    if ('issues' in result) {
      setFieldErrors(Object.fromEntries(Object.entries(result.issues).map(([field, issues]) => [field, issues.map(issueText).join('\n')])));
      return;
    }
    setFieldErrors({});
    update.mutate(result.body, {
      onSuccess: () => notifications.show({ color: 'teal', message: t('settings.saved') }),
      onError: showServerError,
    });
  };

  const numberInput = (field: NumberField, options: { allowDecimal?: boolean; suffix?: string } = {}) => (
    <NumberInput
      label={t(`settings.security.fields.${field}`)}
      description={t(`settings.security.hints.${field}`)}
      // The hint under the box: hints of different lengths wrap to different heights (more so in
      // Korean), and above the boxes they would set the boxes of a row at different heights.
      inputWrapperOrder={INPUT_ORDER}
      value={numbers[field]}
      onChange={(value) => {
        setNumbers((current) => ({ ...current, [field]: value }));
        setFieldErrors((errors) => ({ ...errors, [field]: undefined }));
      }}
      min={numberLimits[field].min}
      max={numberLimits[field].max}
      // Mantine would bring a number into range on blur and so save what nobody typed; the check on
      // save says what is allowed instead.
      clampBehavior="none"
      allowDecimal={options.allowDecimal ?? false}
      decimalScale={options.allowDecimal ? 2 : undefined}
      allowNegative={false}
      thousandSeparator=","
      error={fieldErrors[field]}
    />
  );

  const ipTextarea = (field: IpField) => (
    <Textarea
      label={t(`settings.security.fields.${field}`)}
      description={t(`settings.security.hints.${field}`)}
      inputWrapperOrder={INPUT_ORDER}
      placeholder={t('settings.security.ipPlaceholder')}
      value={ips[field]}
      onChange={(event) => {
        const value = event.currentTarget.value;
        setIps((current) => ({ ...current, [field]: value }));
        setFieldErrors((errors) => ({ ...errors, [field]: undefined }));
        setLockoutError(null);
      }}
      autosize
      minRows={4}
      maxRows={12}
      spellCheck={false}
      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' }, error: { whiteSpace: 'pre-line' } }}
      error={fieldErrors[field]}
    />
  );

  return (
    <form onSubmit={submit} noValidate data-testid="settings-security-form">
      <Stack gap="lg">
        <div ref={lockoutRef}>
          {lockoutError ? (
            <Alert color="red" variant="filled" icon={<IconLockExclamation size={20} />} title={t('settings.security.wouldLockOutTitle')} role="alert" data-testid="settings-would-lock-out">
              {lockoutError}
            </Alert>
          ) : null}
        </div>
        {formError ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
            {formError}
          </Alert>
        ) : null}
        <Fieldset legend={t('settings.security.signInLegend')} radius="md">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {numberInput('lockoutAttempts')}
            {numberInput('lockoutSeconds')}
            {numberInput('idleTimeoutMinutes', { allowDecimal: true })}
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('settings.security.ipLegend')} radius="md">
          <Stack gap="md">
            <Stack gap={4}>
              <Text size="sm">{t('settings.security.ipRulesIntro')}</Text>
              <List size="sm" c="dimmed" spacing={2}>
                <List.Item>{t('settings.security.ipRules.address')}</List.Item>
                <List.Item>{t('settings.security.ipRules.cidr')}</List.Item>
                <List.Item>{t('settings.security.ipRules.wildcard')}</List.Item>
                <List.Item>{t('settings.security.ipRules.empty')}</List.Item>
              </List>
            </Stack>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              {ipTextarea('consoleAllowedIps')}
              {ipTextarea('agentAllowedIps')}
            </SimpleGrid>
          </Stack>
        </Fieldset>
        <Fieldset legend={t('settings.security.passwordLegend')} radius="md">
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>{numberInput('minLength')}</SimpleGrid>
            {policyFlags.map((flag) => (
              <Checkbox
                key={flag}
                label={t(`settings.security.policy.${flag}`)}
                checked={flags[flag]}
                onChange={(event) => {
                  const checked = event.currentTarget.checked;
                  setFlags((current) => ({ ...current, [flag]: checked }));
                }}
              />
            ))}
          </Stack>
        </Fieldset>
        <Group justify="flex-end">
          <Button type="submit" loading={update.isPending}>
            {t('settings.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
