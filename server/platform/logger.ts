import path from 'node:path';
import pino, { type Logger } from 'pino';

/**
 * JSON logs to stdout and to `<dataDir>/logs/atrium.N.log`, rotated daily or at 10 MB, keeping 14 files.
 * The file writer runs in a worker thread (pino transport) so logging never blocks a request.
 */
export function createLogger(options: { level: string; dataDir: string | null }): Logger {
  const targets: pino.TransportTargetOptions[] = [{ target: 'pino/file', level: options.level, options: { destination: 1 } }];
  if (options.dataDir) {
    targets.push({
      target: 'pino-roll',
      level: options.level,
      options: { file: path.join(options.dataDir, 'logs', 'atrium'), extension: '.log', frequency: 'daily', size: '10m', mkdir: true, limit: { count: 14 } },
    });
  }
  return pino({ level: options.level, base: { service: 'atrium' }, timestamp: pino.stdTimeFunctions.isoTime }, pino.transport({ targets }));
}

/** Flushes the log transport; call before the process exits. */
export function flushLogger(logger: Logger): Promise<void> {
  return new Promise((resolve) => {
    logger.flush(() => resolve());
    setTimeout(resolve, 500).unref();
  });
}
