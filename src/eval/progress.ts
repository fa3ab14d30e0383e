import type { Progress } from './runner.js';

export interface ProgressDisplay {
  update(progress: Progress): void;
  finish(): void;
}

/**
 * A one-line progress bar for a terminal, redrawn in place. When the stream is not a TTY (CI logs,
 * pipes) it writes nothing, so logs and reports stay clean.
 */
export function createProgressDisplay(options: { write: (text: string) => void; isTTY: boolean; width?: number }): ProgressDisplay {
  if (!options.isTTY) return { update: () => undefined, finish: () => undefined };
  const width = options.width ?? 24;
  let failed = 0;
  let drawn = false;
  return {
    update(p) {
      if (p.status !== 'ok') failed += 1;
      const filled = p.total === 0 ? width : Math.round((p.done / p.total) * width);
      const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
      const problems = failed ? ` · ${failed} not ok` : '';
      // Case names come from the suite: strip control characters before writing to a terminal.
      const name = p.case.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
      options.write(`\r\x1b[K${bar} ${p.done}/${p.total}${problems} · ${name}${p.trial > 1 ? ` (trial ${p.trial})` : ''}`);
      drawn = true;
    },
    finish() {
      if (drawn) options.write('\r\x1b[K');
    },
  };
}
