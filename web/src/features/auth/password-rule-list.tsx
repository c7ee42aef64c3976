import { List, Text, ThemeIcon } from '@mantine/core';
import { IconCheck, IconPoint } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { getPasswordRules, PASSWORD_MAX_LENGTH, type PasswordPolicy } from './password-rules';

/** The password policy as a checklist that ticks off as the person types. */
export function PasswordRuleList({ password, policy }: { password: string; policy: PasswordPolicy }) {
  const { t } = useTranslation();
  return (
    <>
      <List spacing={4} size="sm" center aria-label={t('changePassword.rulesTitle')} data-testid="password-rules">
        {getPasswordRules(policy).map((rule) => {
          const met = rule.test(password);
          return (
            <List.Item
              key={rule.key}
              c={met ? 'teal' : 'dimmed'}
              data-met={met}
              icon={
                <ThemeIcon size={18} radius="xl" variant={met ? 'filled' : 'light'} color={met ? 'teal' : 'gray'}>
                  {met ? <IconCheck size={12} stroke={3} /> : <IconPoint size={12} />}
                </ThemeIcon>
              }
            >
              {t(`changePassword.rules.${rule.key}`, { min: policy.minLength, max: PASSWORD_MAX_LENGTH })}
            </List.Item>
          );
        })}
      </List>
      {policy.blockCommon ? (
        <Text size="xs" c="dimmed">
          {t('changePassword.rules.notCommon')}
        </Text>
      ) : null}
    </>
  );
}
