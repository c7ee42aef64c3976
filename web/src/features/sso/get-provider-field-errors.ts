import { getFieldErrors } from '../../components/get-field-errors';

/** The identity provider form's fields that can show a message. */
export type ProviderField = 'name' | 'issuer' | 'clientId' | 'clientSecret' | 'allowedDomains';

const FIELDS: readonly string[] = ['name', 'issuer', 'clientId', 'clientSecret', 'allowedDomains'] satisfies ProviderField[];

/**
 * The messages of a failed save under the form's fields. The server reports each domain at its
 * index (`allowedDomains.1`): those messages name the domain sent there and go under the one domains
 * field, each message once.
 */
export function getProviderFieldErrors(error: unknown, allowedDomains: readonly string[]): Partial<Record<ProviderField, string>> {
  const domainOf = (name: string) => (/^allowedDomains\.\d+$/.test(name) ? allowedDomains[Number(name.split('.')[1])] : undefined);
  const placed: Partial<Record<ProviderField, string[]>> = {};
  for (const [name, message] of Object.entries(getFieldErrors(error, { 'sso.invalid_issuer': 'issuer' }, domainOf))) {
    const field = name.split('.')[0]!;
    if (!FIELDS.includes(field)) continue;
    const messages = (placed[field as ProviderField] ??= []);
    if (!messages.includes(message)) messages.push(message);
  }
  return Object.fromEntries(Object.entries(placed).map(([field, messages]) => [field, messages.join(' ')]));
}
