// Entry for `npm run dev`: the same `start` as production, loaded by tsx watch.
import { main, reportFatal } from './main';

main(['start']).catch((error: unknown) => {
  reportFatal(error);
  process.exit(1);
});
