import { Alert, Anchor, Button, Card, Group, Skeleton, Stack, Stepper } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconAlertCircle, IconArrowLeft, IconArrowRight, IconLink, IconSend } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadErrorAlert } from '../../components/load-error-alert';
import { useSubmitGuard } from '../../components/submit-guard';
import { newWizardId } from '../search/new-wizard-id';
import { CaseCreated } from './case-created';
import { useCaseDetail, useCaseWizardOptions, useCreateCase, type CaseWizardOptions, type CreatedCase } from './cases.api';
import { getCannotSubmitKey } from './contract-advice';
import { getFormErrors } from '../../components/get-form-errors';
import { useAttachmentUploads } from './use-attachment-uploads';
import { WizardDetailsStep, type DetailField } from './wizard-details-step';
import { canLeaveStep, emptyWizardForm, isStepComplete, NOT_SURE, toCreateCaseBody, withProductChoice, type WizardForm } from './wizard-form';
import { WizardProductStep } from './wizard-product-step';
import { WizardSiteStep } from './wizard-site-step';

const LAST_STEP = 2;
/** The fields of the details step, where the server's messages about them show. */
const DETAIL_FIELDS: readonly DetailField[] = ['subject', 'description'];

interface WizardProps {
  organizationId: string;
  options: CaseWizardOptions;
  relatedCaseId: string | null;
}

function Wizard({ organizationId, options, relatedCaseId }: WizardProps) {
  const { t } = useTranslation();
  const narrow = useMediaQuery('(max-width: 36em)');
  const [step, setStep] = useState(0);
  const [form, setForm] = useState<WizardForm>(() => emptyWizardForm(options.defaultLanguage, relatedCaseId));
  const [showErrors, setShowErrors] = useState(false);
  // The server's messages about the subject and description; editing a field clears its message.
  const [serverErrors, setServerErrors] = useState<Partial<Record<DetailField, string>>>({});
  const [created, setCreated] = useState<CreatedCase | null>(null);
  // A double click on Submit sends one case.
  const submitGuard = useSubmitGuard();
  // Identifies this filling-in of the wizard: the suggestions it opens, and the case it submits (deflection statistics).
  const [wizardId, setWizardId] = useState(newWizardId);
  const create = useCreateCase(organizationId);
  const uploads = useAttachmentUploads(options.attachmentMaxBytes);
  const related = useCaseDetail(organizationId, relatedCaseId);
  const site = options.sites.find((entry) => entry.id === form.siteId);
  const blocked = site ? !site.contract.allowsAccess : false;
  const formError = create.isError ? getFormErrors(create.error, DETAIL_FIELDS).form : null;

  // A case that continues another starts from the other's site, category and product, when still offered.
  const relatedDetail = related.data;
  useEffect(() => {
    if (!relatedDetail) return;
    setForm((current) => {
      if (current.siteId !== null) return current;
      const relatedSite = options.sites.find((entry) => entry.id === relatedDetail.site.id);
      if (!relatedSite) return { ...current, category: relatedDetail.category };
      const start = { ...current, siteId: relatedSite.id, category: relatedDetail.category };
      return withProductChoice(start, { familyId: relatedDetail.productFamily?.id ?? NOT_SURE, productId: relatedDetail.product?.id ?? NOT_SURE, releaseId: relatedDetail.release?.id ?? NOT_SURE }, relatedSite);
    });
  }, [relatedDetail, options.sites]);

  const next = () => {
    if (!canLeaveStep(step, site)) return;
    if (!isStepComplete(form, step)) return setShowErrors(true);
    setShowErrors(false);
    setStep((current) => Math.min(current + 1, LAST_STEP));
  };

  const submit = () => {
    if (!isStepComplete(form, 0)) {
      setShowErrors(true);
      return setStep(0);
    }
    if (!isStepComplete(form, LAST_STEP)) return setShowErrors(true);
    if (!submitGuard.start()) return;
    setServerErrors({});
    create.mutate({ ...toCreateCaseBody({ ...form, relatedCaseId: relatedDetail ? form.relatedCaseId : null }), wizardId }, {
      onSettled: submitGuard.finish,
      onSuccess: (result) => {
        setCreated(result);
        void uploads.upload(organizationId, result.id);
      },
      onError: (error) => setServerErrors(getFormErrors(error, DETAIL_FIELDS).fields),
    });
  };

  const startOver = () => {
    uploads.clear();
    create.reset();
    setCreated(null);
    setWizardId(newWizardId());
    setForm(emptyWizardForm(options.defaultLanguage));
    setShowErrors(false);
    setServerErrors({});
    setStep(0);
  };

  if (created) {
    return (
      <CaseCreated
        created={created}
        uploads={uploads.items}
        uploading={uploads.isBusy}
        onRetryUploads={() => void uploads.upload(organizationId, created.id)}
        onRemoveUpload={uploads.remove}
        onAnother={startOver}
      />
    );
  }

  return (
    <Stack gap="lg">
      {relatedDetail ? (
        <Alert color="blue" variant="light" icon={<IconLink size={18} />} data-testid="continues-case">
          {t('cases.wizard.followUpOf')}{' '}
          <Anchor component={Link} to={`/portal/cases/${encodeURIComponent(relatedDetail.id)}`} fw={600}>
            {relatedDetail.number}
          </Anchor>{' '}
          {relatedDetail.subject}
        </Alert>
      ) : null}
      <Card withBorder radius="lg" p={{ base: 'md', sm: 'lg' }}>
        <Stepper active={step} onStepClick={(index) => index < step && setStep(index)} allowNextStepsSelect={false} size="sm" orientation={narrow ? 'vertical' : 'horizontal'}>
          <Stepper.Step label={t('cases.wizard.steps.site')} description={narrow ? undefined : t('cases.wizard.steps.siteDescription')}>
            <WizardSiteStep
              options={options}
              form={form}
              onSite={(siteId) => setForm((current) => withProductChoice(current, { siteId }, options.sites.find((entry) => entry.id === siteId)))}
              onCategory={(category) => setForm((current) => ({ ...current, category }))}
              showErrors={showErrors}
            />
          </Stepper.Step>
          <Stepper.Step label={t('cases.wizard.steps.product')} description={narrow ? undefined : t('cases.wizard.steps.productDescription')}>
            <WizardProductStep options={options} form={form} onChange={(change) => setForm((current) => withProductChoice(current, change, site))} />
          </Stepper.Step>
          <Stepper.Step label={t('cases.wizard.steps.details')} description={narrow ? undefined : t('cases.wizard.steps.detailsDescription')}>
            <WizardDetailsStep
              organizationId={organizationId}
              wizardId={wizardId}
              form={form}
              onChange={(change) => {
                setForm((current) => ({ ...current, ...change }));
                setServerErrors((current) => Object.fromEntries(Object.entries(current).filter(([field]) => !(field in change))));
              }}
              attachments={uploads}
              attachmentMaxBytes={options.attachmentMaxBytes}
              showErrors={showErrors}
              serverErrors={serverErrors}
            />
          </Stepper.Step>
        </Stepper>
        <Stack gap="sm" mt="xl">
          {formError ? (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert" data-testid="create-error">
              {formError}
            </Alert>
          ) : null}
          {blocked && site && step === LAST_STEP ? (
            <Alert color="red" variant="light" role="alert" data-testid="submit-blocked">
              {t(getCannotSubmitKey(site.contract))}
            </Alert>
          ) : null}
          <Group justify="space-between">
            <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={() => setStep((current) => Math.max(current - 1, 0))} disabled={step === 0 || create.isPending}>
              {t('cases.wizard.back')}
            </Button>
            {step < LAST_STEP ? (
              <Button rightSection={<IconArrowRight size={16} />} onClick={next} disabled={!canLeaveStep(step, site)} data-testid="wizard-next">
                {t('cases.wizard.next')}
              </Button>
            ) : (
              <Button leftSection={<IconSend size={16} />} onClick={submit} loading={create.isPending} disabled={blocked} data-testid="submit-case">
                {t('cases.wizard.submit')}
              </Button>
            )}
          </Group>
        </Stack>
      </Card>
    </Stack>
  );
}

/** The three-step wizard of a new case, once the options (sites, categories, account team) are loaded. */
export function CaseWizard({ organizationId, relatedCaseId }: { organizationId: string; relatedCaseId: string | null }) {
  const { t } = useTranslation();
  const options = useCaseWizardOptions(organizationId);
  if (options.isError) return <LoadErrorAlert error={options.error} onRetry={() => void options.refetch()} />;
  if (!options.data) return <Skeleton height={360} radius="lg" />;
  if (options.data.sites.length === 0) {
    return (
      <Alert color="yellow" variant="light" data-testid="no-sites">
        {t('cases.wizard.noSites')}
      </Alert>
    );
  }
  return <Wizard organizationId={organizationId} options={options.data} relatedCaseId={relatedCaseId} />;
}
