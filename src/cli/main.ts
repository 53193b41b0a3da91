import { processIo } from './io.js';
import { run } from './run.js';

// A closed pipe (`apig export | head`) is not an error worth a stack trace: stop quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

const argv = process.argv.slice(2);
process.exitCode = await run(argv, processIo(argv));
