import { processIo } from './io.js';
import { run } from './run.js';

const argv = process.argv.slice(2);
process.exitCode = await run(argv, processIo(argv));
