#!/usr/bin/env node
let main;
try {
  ({ main } = await import('../dist/src/cli/main.js'));
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
  const unbuilt = String(error.message).includes('dist/src/cli/main.js');
  process.stderr.write(
    unbuilt
      ? 'review-agent: the package is not built (dist/ is missing). Fix: run "npm run build" in the package folder.\n'
      : `review-agent: a dependency is missing (${error.message.split('\n')[0]}). Fix: run "npm install" in the package folder.\n`,
  );
  process.exit(3);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`review-agent: internal error: ${error?.stack ?? error}\n`);
    process.exitCode = 3;
  },
);
