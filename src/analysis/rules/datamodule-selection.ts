// test-set-selection through a PyTorch Lightning DataModule: `val_dataloader()` returning the test
// rows makes every validation-driven choice (early stopping, the best checkpoint, LR schedules on
// val metrics) a choice on the test set.
import type { FindingInput } from '../../review/schema.js';
import { partFromName } from '../flow/knowledge.js';
import { buildFinding } from '../findings.js';
import type { Expr, Stmt } from '../python/ast.js';
import { dotted, walkExpr, walkStmts } from '../python/ast.js';
import type { SourceFile } from '../source.js';

/** Names the return statement hands to the loader: `self.test_ds`, `test_set`, `self.splits["test"]`. */
function returnedParts(ret: Expr): string[] {
  const out: string[] = [];
  walkExpr(ret, (e) => {
    const d = e.k === 'name' || e.k === 'attr' ? dotted(e) : undefined;
    if (d) out.push(d.split('.').pop() ?? d);
    if (e.k === 'sub' && e.index[0]?.k === 'str') out.push(e.index[0].value);
  });
  return out;
}

export function dataModuleSelectionFindings(file: SourceFile): FindingInput[] {
  const module = file.module;
  if (!module) return [];
  const out: FindingInput[] = [];
  walkStmts(module.body, (s) => {
    if (s.k !== 'class' || !s.bases.some((b) => /DataModule$/.test(dotted(b) ?? ''))) return;
    const val = s.body.find((m): m is Extract<Stmt, { k: 'def' }> => m.k === 'def' && m.name === 'val_dataloader');
    if (!val) return;
    walkStmts(val.body, (r) => {
      if (r.k !== 'return' || !r.value) return;
      const names = returnedParts(r.value);
      if (!names.some((n) => partFromName(n) === 'test') || names.some((n) => partFromName(n) === 'val')) return;
      out.push(
        buildFinding({
          rule: 'test-set-selection',
          file,
          line: val.line,
          endLine: r.endLine,
          issue: `\`${s.name}.val_dataloader()\` returns the test rows, so early stopping, the best checkpoint and anything else monitored on validation metrics are chosen on the test set.`,
          impact: 'Choices are tuned to the test set, so its score is optimistically biased and no unbiased estimate of performance on new data is left.',
          fix: 'Split a validation set off the training data (e.g. `random_split(train_ds, ...)` with a seeded generator) and return it from `val_dataloader()`; keep the test rows for `test_dataloader()` only.',
        }),
      );
    });
  });
  return out;
}
