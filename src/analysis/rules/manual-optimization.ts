// missing-zero-grad in PyTorch Lightning's manual optimisation: with `self.automatic_optimization = False`
// Lightning no longer clears gradients, so a `training_step` that runs `manual_backward` and steps its
// optimizers must call `zero_grad()` itself. With automatic optimisation (the default) it stays silent.
import type { FindingInput } from '../../review/schema.js';
import { buildFinding, dedent, indentOf, linesOf } from '../findings.js';
import type { Expr, Stmt } from '../python/ast.js';
import { dotted, stmtExprs, walkExpr, walkStmts } from '../python/ast.js';
import type { SourceFile } from '../source.js';

type ClassStmt = Extract<Stmt, { k: 'class' }>;

/** The calls of `.method(...)` under `body`, in order: line and receiver. */
function callsOf(body: readonly Stmt[], method: RegExp): { line: number; receiver?: string }[] {
  const out: { line: number; receiver?: string }[] = [];
  walkStmts(body, (s) => {
    for (const e of stmtExprs(s)) {
      walkExpr(e, (x: Expr) => {
        if (x.k === 'call' && x.fn.k === 'attr' && method.test(x.fn.attr)) out.push({ line: x.line, receiver: dotted(x.fn.obj) });
      });
    }
  });
  return out;
}

function setsManualOptimization(cls: ClassStmt): boolean {
  let manual = false;
  walkStmts(cls.body, (s) => {
    if (s.k !== 'assign' || !s.value || s.value.k !== 'const' || s.value.value !== 'False') return;
    if (s.targets.some((t) => t.k === 'attr' && t.attr === 'automatic_optimization' && t.obj.k === 'name' && t.obj.id === 'self')) manual = true;
  });
  return manual;
}

export function manualOptimizationFindings(file: SourceFile): FindingInput[] {
  const module = file.module;
  if (!module) return [];
  const out: FindingInput[] = [];
  walkStmts(module.body, (s) => {
    if (s.k !== 'class' || !setsManualOptimization(s)) return;
    const step = s.body.find((m): m is Extract<Stmt, { k: 'def' }> => m.k === 'def' && m.name === 'training_step');
    if (!step) return;
    const backward = callsOf(step.body, /^(manual_backward|backward)$/);
    const steps = callsOf(step.body, /^step$/);
    // Any zero_grad in the class (a helper, the optimizer_zero_grad hook) counts: fire only when there is none.
    if (backward.length === 0 || steps.length === 0 || callsOf(s.body, /^zero_grad$/).length > 0) return;
    const line = backward[0]!.line;
    const ind = indentOf(file, line);
    const stepped = [...new Set(steps.map((c) => c.receiver ?? 'opt'))];
    out.push(
      buildFinding({
        rule: 'missing-zero-grad',
        file,
        line,
        issue: `\`${s.name}\` turns automatic optimisation off, and \`training_step\` runs \`manual_backward()\` and steps its optimizers (line ${steps[0]!.line}) without ever calling \`zero_grad()\`.`,
        impact: 'With manual optimisation Lightning does not clear gradients: every batch adds to the previous ones, so each step uses a growing, stale gradient.',
        fix: 'Call `opt.zero_grad()` for each optimizer in `training_step`, before `self.manual_backward(loss)` (or after its `step()`).',
        fixed: dedent(`${stepped.map((o) => `${ind}${o}.zero_grad()`).join('\n')}\n${linesOf(file, line)}`),
        sites: steps.map((c) => ({ file: file.path, line: c.line })),
      }),
    );
  });
  return out;
}
