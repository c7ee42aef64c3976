import { Alert, Anchor, List, Stack, Text } from '@mantine/core';
import type { CaseWizardOptions } from '@common/schemas/cases';
import { IconAlertTriangle, IconBan } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

type SiteOption = CaseWizardOptions['sites'][number];

/** The last day an instant that starts the next day still covers, as `YYYY-MM-DD` (UTC, like contract dates). */
const lastDayBefore = (instant: string | null) => (instant ? new Date(Date.parse(instant) - 1).toISOString().slice(0, 10) : '');

/** True when the wizard should show the contract message for the site. */
export const needsContractAdvice = (site: SiteOption | undefined) => Boolean(site && (site.contract.warning || !site.contract.allowsAccess));

/** The translation key of "a case cannot be submitted": until the contract is renewed, or until there is one at all. */
export const getCannotSubmitKey = (contract: SiteOption['contract']) => (contract.state === 'none' ? 'cases.contract.cannotSubmitWithoutContract' : 'cases.contract.cannotSubmit');

/**
 * The manual's message on the product step when the site's support contract ends within 90 days,
 * is in its grace period or has ended: renew it, and here is your account team. When the contract
 * no longer allows access, it also says the case cannot be submitted.
 */
export function ContractAdvice({ site, accountTeam }: { site: SiteOption; accountTeam: CaseWizardOptions['accountTeam'] }) {
  const { t } = useTranslation();
  const { contract } = site;
  const blocked = !contract.allowsAccess;
  const hasNoContract = contract.state === 'none';
  const state = contract.state === 'active' ? 'expiring' : contract.state;
  const params = { site: site.name, endDate: lastDayBefore(contract.endsAt), graceDate: lastDayBefore(contract.graceEndsAt), count: Math.max(contract.daysLeft ?? 0, 0) };
  const team = [
    accountTeam.accountManager ? { role: t('cases.contract.accountManager'), ...accountTeam.accountManager } : null,
    accountTeam.successManager ? { role: t('cases.contract.successManager'), ...accountTeam.successManager } : null,
  ].filter((person) => person !== null);
  // Without an account team, the message about a missing contract does not send people to one.
  const body = hasNoContract && team.length === 0 ? 'noneWithoutTeam' : state;

  return (
    <Alert
      color={blocked ? 'red' : 'yellow'}
      variant="light"
      icon={blocked ? <IconBan size={18} /> : <IconAlertTriangle size={18} />}
      title={t(`cases.contract.title.${state}`, params)}
      data-testid="contract-advice"
      data-state={contract.state}
    >
      <Stack gap="xs">
        <Text size="sm">{t(`cases.contract.body.${body}`, params)}</Text>
        {team.length > 0 ? (
          <div>
            <Text size="sm" fw={600}>
              {t('cases.contract.accountTeam')}
            </Text>
            <List size="sm" spacing={2} data-testid="account-team">
              {team.map((person) => (
                <List.Item key={person.id}>
                  {person.role}: {person.name} (<Anchor href={`mailto:${person.email}`}>{person.email}</Anchor>)
                </List.Item>
              ))}
            </List>
          </div>
        ) : (
          <Text size="sm" data-testid="no-account-team">
            {t(hasNoContract ? 'cases.contract.noAccountTeamWithoutContract' : 'cases.contract.noAccountTeam')}
          </Text>
        )}
        {blocked ? (
          <Text size="sm" fw={600} role="alert" data-testid="cannot-submit">
            {t(getCannotSubmitKey(contract))}
          </Text>
        ) : null}
      </Stack>
    </Alert>
  );
}
