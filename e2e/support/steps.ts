import { beforeEach } from 'vitest';

/**
 * For a file whose tests are the steps of one flow, each building on the last: once a step fails,
 * the later ones are skipped rather than failing for it (the first failure is the one to read).
 */
export function skipStepsAfterAFailure(): void {
  let stepFailed = false;
  beforeEach((context) => {
    if (stepFailed) context.skip();
    context.onTestFailed(() => {
      stepFailed = true;
    });
  });
}
