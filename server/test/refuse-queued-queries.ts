// Tests refuse a query sent on a connection still running another, where it happens. That is
// several reads at once inside a transaction (use readAll from platform/db): node-postgres only
// queues them, prints a deprecation once per process that is easy to miss, and pg 9 will refuse them.
const emitWarning = process.emitWarning.bind(process) as (...args: unknown[]) => void;

process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
  const message = typeof warning === 'string' ? warning : warning.message;
  if (message.includes('already executing a query')) throw new Error(`A query was sent on a connection still running another: ${message}`);
  emitWarning(warning, ...rest);
}) as typeof process.emitWarning;
