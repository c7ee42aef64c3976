/**
 * Props for a required input: `required` for assistive technology, and the asterisk drawn by CSS
 * (global.css) with empty alternative text, so that a field's name stays its label ("Name", not
 * "Name *") for screen readers and for tests that find fields by label.
 */
export const requiredFieldProps = {
  required: true,
  withAsterisk: false,
  labelProps: { className: 'atrium-required' },
} as const;
