import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Tools spawn rg/bwrap and providers run loopback servers: give slow CI machines room.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
