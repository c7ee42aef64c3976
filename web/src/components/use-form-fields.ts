import { useState } from 'react';

/**
 * The text fields of a form with their field-level errors: changing a field clears its error.
 * `setFieldErrors` takes the server's or the form's own errors.
 */
export function useFormFields<F extends string>(initial: Record<F, string> | (() => Record<F, string>)) {
  const [values, setValues] = useState<Record<F, string>>(initial);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<F, string>>>({});
  const setValue = (field: F, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setFieldErrors((errors) => ({ ...errors, [field]: undefined }));
  };
  return { values, setValues, setValue, fieldErrors, setFieldErrors };
}
