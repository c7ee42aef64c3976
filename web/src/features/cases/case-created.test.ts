import { MantineProvider } from '@mantine/core';
import { createInstance } from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../locales/en/translation.json';
import { CaseCreated } from './case-created';
import type { UploadItem, UploadStatus } from './use-attachment-uploads';

const i18n = createInstance();
beforeAll(async () => {
  await i18n.use(initReactI18next).init({ resources: { en: { translation: en } }, lng: 'en', interpolation: { escapeValue: false }, showSupportNotice: false });
});

const item = (name: string, status: UploadStatus): UploadItem => ({ key: name, file: new File(['x'], name), status, progress: status === 'done' ? 1 : 0, error: status === 'failed' ? 'Upload failed.' : null, attachment: null });

function render(uploads: UploadItem[]): string {
  const id = '00000000-0000-4000-8000-000000000001';
  const created = { id, number: '00000042', url: `/portal/cases/${id}` };
  const screen = createElement(CaseCreated, { created, uploads, uploading: false, onRetryUploads: () => undefined, onRemoveUpload: () => undefined, onAnother: () => undefined });
  return renderToStaticMarkup(createElement(I18nextProvider, { i18n }, createElement(MemoryRouter, null, createElement(MantineProvider, null, screen))));
}

const removeLabel = (name: string) => `aria-label="${en.cases.attachments.removeNamed.replace('{{name}}', name)}"`;

describe('CaseCreated', () => {
  it('never offers to remove a file the case already holds, which removing would not delete', () => {
    const html = render([item('log.txt', 'done'), item('dump.bin', 'failed'), item('huge.iso', 'too_large')]);
    expect(html).toContain('log.txt');
    expect(html).not.toContain(removeLabel('log.txt'));
    expect(html).toContain(removeLabel('dump.bin'));
    expect(html).toContain(removeLabel('huge.iso'));
  });
});
