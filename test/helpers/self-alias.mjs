// Lets `import ... from 'review-agent'` in examples resolve to the sources, so they run without a
// build: node --import tsx --import ./test/helpers/self-alias.mjs examples/embed.ts
import { register } from 'node:module';

register(
  `data:text/javascript,${encodeURIComponent(`
    const target = ${JSON.stringify(new URL('../../src/index.ts', import.meta.url).href)};
    export async function resolve(specifier, context, next) {
      if (specifier === 'review-agent') return { url: target, shortCircuit: true, format: 'module' };
      return next(specifier, context);
    }
  `)}`,
);
