// missing-zero-grad for one optimizer of several: a loop that clears one optimizer's gradients but
// steps another that is never cleared (`dense_opt.zero_grad()` ... `sparse_opt.step()`).
import type { FindingInput } from '../../review/schema.js';
import { buildFinding, dedent, indentOf, linesOf } from '../findings.js';
import type { Expr, Stmt } from '../python/ast.js';
import { dotted, stmtBodies, stmtExprs, walkExpr, walkStmts } from '../python/ast.js';
import type { SourceFile } from '../source.js';

type Call = Extract<Expr, { k: 'call' }>;
type Loop = Extract<Stmt, { k: 'for' | 'while' }>;

const OPTIMIZER_CTOR = /(^|\.)optim\.\w+$|^(SGD|Adam|AdamW|SparseAdam|RMSprop|Adagrad|Adadelta|Adamax|NAdam|RAdam|LBFGS)$/;

/** Names bound to `torch.optim.X(...)` anywhere in the file. */
function optimizerNames(body: readonly Stmt[]): Set<string> {
  const out = new Set<string>();
  walkStmts(body, (s) => {
    if (s.k !== 'assign' || s.targets.length !== 1 || s.value?.k !== 'call') return;
    const callee = dotted(s.value.fn);
    const name = dotted(s.targets[0]!);
    if (callee && name && OPTIMIZER_CTOR.test(callee)) out.add(name);
  });
  return out;
}

/** Calls written in the loop itself (its nested blocks too, not the functions it calls). */
function loopCalls(body: readonly Stmt[], out: { call: Call; line: number }[] = []): { call: Call; line: number }[] {
  for (const s of body) {
    if (s.k === 'def' || s.k === 'class') continue;
    for (const e of stmtExprs(s)) walkExpr(e, (x) => x.k === 'call' && out.push({ call: x, line: s.line }));
    for (const b of stmtBodies(s)) loopCalls(b, out);
  }
  return out;
}

const receiver = (c: Call, method: string): string | undefined => (c.fn.k === 'attr' && c.fn.attr === method ? dotted(c.fn.obj) : undefined);

/**
 * Fires only on strong evidence: every zero_grad in the loop clears an optimizer the file builds,
 * and another optimizer the file builds is stepped there without being cleared anywhere in the loop.
 */
export function unzeroedOptimizerFindings(file: SourceFile, loops: readonly Loop[]): FindingInput[] {
  const optimizers = optimizerNames(file.module?.body ?? []);
  if (optimizers.size < 2) return [];
  for (const loop of loops) {
    const calls = loopCalls(loop.body);
    const zeroed = calls.map((c) => receiver(c.call, 'zero_grad')).filter((r): r is string => r !== undefined);
    if (zeroed.length === 0 || zeroed.some((r) => !optimizers.has(r))) continue;
    if (calls.some((c) => c.call.fn.k === 'attr' && c.call.fn.attr === 'zero_')) continue;
    const stepped = calls.map((c) => ({ name: receiver(c.call, 'step'), line: c.line })).filter((s) => s.name !== undefined && optimizers.has(s.name) && !zeroed.includes(s.name));
    const missed = stepped[0];
    if (!missed?.name) continue;
    const zeroLine = calls.find((c) => receiver(c.call, 'zero_grad') !== undefined)?.line ?? loop.line;
    return [
      buildFinding({
        rule: 'missing-zero-grad',
        file,
        line: missed.line,
        issue: `\`${missed.name}.step()\` runs in the loop at line ${loop.line}, but only \`${zeroed[0]}.zero_grad()\` (line ${zeroLine}) clears gradients: the parameters of \`${missed.name}\` are never cleared.`,
        impact: `Gradients of the parameters ${missed.name} updates add up over every batch, so each of its steps uses a growing, stale gradient.`,
        fix: `Clear both optimizers every iteration (\`${missed.name}.zero_grad()\` next to \`${zeroed[0]}.zero_grad()\`), or call \`model.zero_grad()\`.`,
        fixed: dedent(`${linesOf(file, zeroLine)}\n${indentOf(file, zeroLine)}${missed.name}.zero_grad()`),
        sites: [{ file: file.path, line: zeroLine }],
      }),
    ];
  }
  return [];
}
