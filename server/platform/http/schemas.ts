import { z } from 'zod';

/** The error envelope as a response schema, for OpenAPI. */
export const ErrorResponse = z
  .object({
    error: z.object({
      code: z.string().describe('Stable error code, e.g. auth.invalid_credentials'),
      message: z.string().describe("Message in the user's language"),
      details: z.unknown().optional(),
    }),
  })
  .describe('Error envelope');
