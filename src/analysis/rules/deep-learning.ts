// Rule 9: deep-learning training loops (PyTorch loops, Keras fit): gradients cleared, eval mode
// and no_grad during evaluation, validation during training, early stopping, checkpoints.
import type { FindingInput } from '../../review/schema.js';
import type { FileFacts } from '../flow/facts.js';
import { partFromName } from '../flow/knowledge.js';
import { buildFinding, dedent, indentOf, linesOf } from '../findings.js';
import type { Expr, Stmt } from '../python/ast.js';
import { stmtBodies, stmtExprs, walkExpr, walkStmts } from '../python/ast.js';
import { importedRoots } from '../python/imports.js';
import type { SourceFile } from '../source.js';
import type { FileLinks } from './project-links.js';
import { dataModuleSelectionFindings } from './datamodule-selection.js';
import { manualOptimizationFindings } from './manual-optimization.js';
import { unzeroedOptimizerFindings } from './optimizer-zeroing.js';

type Def = Extract<Stmt, { k: 'def' }>;
type Loop = Extract<Stmt, { k: 'for' | 'while' }>;

const EVAL_FN = /^(_?(evaluate|eval|validate|validation|valid|test|predict|infer|inference|score)\w*|\w+_(eval|evaluate|validate|validation|valid|test|epoch_eval))$/i;
const HELD_OUT_ITER = /\b\w*(val|valid|validation|test|dev|eval)\w*\b/i;
const MODEL_CALLEE = /(model|net|network|encoder|decoder|classifier|module|backbone)$|^self$/i;
const SAVE_TEXT = /torch\.save|save_state_dict|\.save\(|save_pretrained|ModelCheckpoint|save_weights|joblib\.dump|pickle\.dump|save_model|log_model|\.export\(|save_checkpoint/;
const EARLY_TEXT = /patience|early_?stop|EarlyStopping|best_val|best_loss|best_score|best_acc|no_improve/i;
const REGULARIZATION_TEXT = /Dropout|dropout|weight_decay\s*=\s*(?!0(\.0*)?\b)|BatchNorm|kernel_regularizer|regularizers\.|label_smoothing|AdamW|l2\(|SpatialDropout|GaussianNoise|RandomFlip|RandomRotation|augment/;

interface Ctx {
  file: SourceFile;
  defs: Map<string, Def>;
  links: FileLinks;
}

const NO_LINKS: FileLinks = { defs: new Map(), fileOf: () => undefined, calledInLoopElsewhere: () => false, calledWithHeldOutElsewhere: () => false, unknownCallee: () => false };

/** What the whole project does about checkpoints, early stopping and regularization (computed once). */
export interface ProjectTraits {
  saves: boolean;
  earlyStopping: boolean;
  kerasEarlyStopping: boolean;
  regularization: boolean;
  /** Some file clears gradients (`zero_grad`, `.grad = None`, `grad.zero_()`). */
  clearsGradients: boolean;
  /** Some network may act differently in eval mode: dropout or batch norm layers, a model built by a library or
   *  out of sight. */
  modeSensitive: boolean;
}

// Layers that behave differently in training and eval mode, and networks built out of sight (whose layers may).
const MODE_SENSITIVE_TEXT = /dropout|batch_?norm|instance_?norm|\bbn\d*\b|_bn\b|norm_layer|torchvision|timm|from_pretrained|hub\.load|\bmodels\.\w+\(|resnet|efficientnet|densenet|mobilenet|convnext|\bvit_/i;
// (A network imported from a module the review may not hold: `from models import Encoder`, `nn.Transformer...`.)
const MODEL_IMPORT_TEXT = /\bnn\.Transformer|^\s*"?from\s+(?!sklearn|torch\b|numpy|pandas)\S+\s+import\s+[^\n]*\b\w*(Net|Model|Encoder|Backbone)\b|^\s*"?import\s+\w*(model|net)s?\b/m;

/** `codeTexts`: the Python files and notebooks alone (a requirements file listing torchvision builds no network). */
export function projectTraits(texts: readonly string[], codeTexts: readonly string[] = texts): ProjectTraits {
  const traits: ProjectTraits = { saves: false, earlyStopping: false, kerasEarlyStopping: false, regularization: false, clearsGradients: false, modeSensitive: false };
  for (const text of texts) {
    if (!traits.saves && SAVE_TEXT.test(text)) traits.saves = true;
    if (!traits.earlyStopping && EARLY_TEXT.test(text)) traits.earlyStopping = true;
    if (!traits.kerasEarlyStopping && /EarlyStopping/.test(text)) traits.kerasEarlyStopping = true;
    if (!traits.regularization && REGULARIZATION_TEXT.test(text)) traits.regularization = true;
    if (!traits.clearsGradients && /zero_grad|\.grad\s*=\s*None|\.grad(\.data)?\.zero_\(/.test(text)) traits.clearsGradients = true;
  }
  // Known to compute the same in either mode only when the project builds its networks itself, of plain layers.
  const builds = codeTexts.some((text) => /class\s+\w+\s*\(\s*(nn\.|torch\.nn\.)?Module\s*\)|nn\.Sequential\(/.test(text));
  traits.modeSensitive = !builds || codeTexts.some((text) => MODE_SENSITIVE_TEXT.test(text) || MODEL_IMPORT_TEXT.test(text));
  return traits;
}

export function deepLearningFindings(file: SourceFile, facts: FileFacts, traits: ProjectTraits, links: FileLinks = NO_LINKS): FindingInput[] {
  if (!file.module) return [];
  const roots = importedRoots(file.module);
  const code = file.code ?? '';
  const out: FindingInput[] = [];
  if (roots.has('torch') && !/LightningModule|pytorch_lightning|lightning\.|Trainer\(/.test(code)) {
    out.push(...torchFindings(file, traits, links));
  }
  // Lightning runs the loop itself; with manual optimisation the gradients are the module's job.
  if (/LightningModule/.test(code)) out.push(...manualOptimizationFindings(file));
  if (/DataModule/.test(code)) out.push(...dataModuleSelectionFindings(file));
  out.push(...kerasFindings(file, facts, code, traits));
  return out;
}

// ---------- structure helpers ----------

function collectDefs(body: readonly Stmt[], into: Map<string, Def>): void {
  for (const s of body) {
    if (s.k === 'def') into.set(s.name, s);
    for (const b of stmtBodies(s)) collectDefs(b, into);
  }
}

function callsIn(s: Stmt): Extract<Expr, { k: 'call' }>[] {
  const out: Extract<Expr, { k: 'call' }>[] = [];
  for (const e of stmtExprs(s)) walkExpr(e, (x) => x.k === 'call' && out.push(x));
  return out;
}

function calleeOf(call: Extract<Expr, { k: 'call' }>): string {
  return call.fn.k === 'attr' ? call.fn.attr : call.fn.k === 'name' ? call.fn.id : '';
}

/** Whether `body` (or a local function it calls, transitively) satisfies `test` on some statement. */
function deepHas(ctx: Ctx, body: readonly Stmt[], test: (s: Stmt) => boolean, seen = new Set<Def>()): boolean {
  for (const s of body) {
    if (s.k === 'def' || s.k === 'class') continue;
    if (test(s)) return true;
    for (const call of callsIn(s)) {
      const def = ctx.defs.get(calleeOf(call)) ?? ctx.links.defs.get(exprText(call.fn));
      if (def && !seen.has(def)) {
        seen.add(def);
        if (deepHas(ctx, def.body, test, seen)) return true;
      }
    }
    for (const b of stmtBodies(s)) if (deepHas(ctx, b, test, seen)) return true;
  }
  return false;
}

const hasCall = (name: RegExp) => (s: Stmt) => callsIn(s).some((c) => name.test(calleeOf(c)));
const isBackward = hasCall(/^backward$/);
const isStep = hasCall(/^step$/);
const isZeroGrad = (s: Stmt) =>
  hasCall(/^zero_grad$/)(s) ||
  (s.k === 'assign' && s.targets.some((t) => t.k === 'attr' && t.attr === 'grad')) ||
  callsIn(s).some((c) => calleeOf(c) === 'zero_' && c.fn.k === 'attr' && /\.grad(\.data)?$/.test(exprText(c.fn.obj)));
/** `model.eval()`, or the same switch spelled `model.train(False)` / `model.train(mode=False)`. */
const switchesToEval = (c: Extract<Expr, { k: 'call' }>) =>
  c.fn.k === 'attr' &&
  ((calleeOf(c) === 'eval' && c.args.length === 0) ||
    (calleeOf(c) === 'train' && [c.args[0], c.kwargs.find((k) => k.name === 'mode')?.value].some((a) => a?.k === 'const' && a.value === 'False')));
const isEvalCall = (s: Stmt) => callsIn(s).some(switchesToEval);
const isTrainCall = (s: Stmt) =>
  callsIn(s).some((c) => calleeOf(c) === 'train' && c.fn.k === 'attr' && (c.args.length === 0 || (c.args[0]?.k === 'const' && c.args[0].value === 'True')));
/** `model.query_tower(q)`, `model.encode(x)`: a sub-network or encoding method of the model runs forward too. */
const SUBMODULE = /^(\w*_)?(tower|encoder|encode\w*|embed\w*|decoder|head|backbone)$/;
// (`DummyClassifier(...)`, `TwoTower(...)`: a capitalised callee builds a model, it does not run one.)
// (`model.user(u, ...)` of a two-tower model: any attribute called on the model that is not nn.Module's own API.)
const MODULE_API = /^(predict|predict_proba|predict_log_proba|decision_function|score|transform|fit_transform|evaluate|kneighbors|eval|train|to|cuda|cpu|parameters|named_parameters|state_dict|load_state_dict|zero_grad|apply|modules|children|named_modules|named_children|buffers|named_buffers|register_\w+|requires_grad_|half|float|double|bfloat16|save_pretrained|from_pretrained|push_to_hub|fit|compile|summary|save|save_weights|load_weights|get_\w+|set_\w+|freeze\w*|unfreeze\w*|share_memory|add_module|type|resize_token_embeddings|gradient_checkpointing_\w+|print_trainable_parameters|tie_weights|init_weights|reset_parameters)$/;
const isModelForward = (s: Stmt) =>
  callsIn(s).some((c) => (MODEL_CALLEE.test(exprText(c.fn)) && !/^[A-Z]/.test(calleeOf(c))) || calleeOf(c) === 'forward' || (c.fn.k === 'attr' && SUBMODULE.test(c.fn.attr) && /(model|net)$/i.test(exprText(c.fn.obj))) || (c.fn.k === 'attr' && !MODULE_API.test(c.fn.attr) && /^(self\.)?(model|net)$/i.test(exprText(c.fn.obj))));

/** `model.cuda().to(device)` → `model`: the object under a chain of method calls. */
function unchained(e: Expr): Expr {
  let cur = e;
  while (cur.k === 'call' && cur.fn.k === 'attr') cur = cur.fn.obj;
  return cur;
}

function exprText(e: Expr): string {
  if (e.k === 'name') return e.id;
  if (e.k === 'attr') return `${exprText(e.obj)}.${e.attr}`;
  return '';
}

function isNoGradWith(s: Stmt): boolean {
  // `with inference(self.model):`: a context manager handed the model (a project helper or a library's) is
  // trusted to switch it the way its name and purpose say; the analyzer cannot see inside a library's.
  return s.k === 'with' && s.items.some((i) => /no_grad|inference_mode|set_grad_enabled\(\s*False/.test(callText(i.ctx)) || handsModelTo(i.ctx));
}

function handsModelTo(e: Expr): boolean {
  return e.k === 'call' && !/autocast|amp|profil|record_function|device|stream/i.test(exprText(e.fn)) && e.args.some((a) => (a.k === 'name' || a.k === 'attr') && MODEL_CALLEE.test(exprText(a)));
}

function callText(e: Expr): string {
  if (e.k === 'call') return `${exprText(e.fn)}(${e.args.map((a) => (a.k === 'const' ? a.value : '')).join(',')}`;
  return exprText(e);
}

interface LoopInfo {
  loop: Loop;
  /** Enclosing statements from the unit's top (with-statements and loops). */
  ancestors: Stmt[];
  unit: Def | undefined;
}

function loopsOf(body: readonly Stmt[], unit: Def | undefined, ancestors: Stmt[], out: LoopInfo[]): void {
  for (const s of body) {
    if (s.k === 'def') {
      loopsOf(s.body, s, [], out);
      continue;
    }
    if (s.k === 'class') {
      loopsOf(s.body, undefined, [], out);
      continue;
    }
    if (s.k === 'for' || s.k === 'while') out.push({ loop: s, ancestors, unit });
    for (const b of stmtBodies(s)) loopsOf(b, unit, [...ancestors, s], out);
  }
}

// ---------- PyTorch ----------

function torchFindings(file: SourceFile, traits: ProjectTraits, links: FileLinks): FindingInput[] {
  const body = file.module!.body;
  const ctx: Ctx = { file, defs: new Map(), links };
  collectDefs(body, ctx.defs);
  const loops: LoopInfo[] = [];
  loopsOf(body, undefined, [], loops);
  const out: FindingInput[] = [];

  // Training loops: loops whose body runs backward() and an optimizer step.
  const training = loops.filter((l) => deepHas(ctx, l.loop.body, isBackward) && deepHas(ctx, l.loop.body, isStep));
  const innermost = training.filter((l) => !training.some((o) => o !== l && o.ancestors.includes(l.loop)));
  const calledFromTraining = (unit: Def | undefined) =>
    unit !== undefined && (links.calledInLoopElsewhere(unit.name) || training.some((t) => t.unit !== unit && deepHasShallow(t.loop.body, hasCall(new RegExp(`^${unit.name}$`)))));
  const epochLoops = training.filter((l) => !l.ancestors.some((a) => training.some((t) => t.loop === a)) && !calledFromTraining(l.unit));

  // missing-zero-grad
  // An epoch loop calling `run_epoch(...)`, whose own batch loop runs backward: that loop is judged, not this one.
  const viaLoopingHelper = (l: LoopInfo) => !deepHasShallow(l.loop.body, isBackward) && deepHas(ctx, l.loop.body, (s) => (s.k === 'for' || s.k === 'while') && s !== l.loop && deepHasShallow(s.body, isBackward));
  const noZero = innermost.filter((l) => !deepHas(ctx, l.loop.body, isZeroGrad) && !viaLoopingHelper(l));
  const firstNoZero = noZero[0];
  if (firstNoZero) {
    const backwardLine = findLine(ctx, firstNoZero.loop.body, isBackward) ?? firstNoZero.loop.line;
    const outside = deepHas(ctx, body, isZeroGrad);
    const ind = indentOf(file, backwardLine);
    out.push(
      buildFinding({
        rule: 'missing-zero-grad',
        file,
        line: backwardLine,
        issue: outside
          ? `\`backward()\` runs in the loop at line ${firstNoZero.loop.line}, but \`zero_grad()\` is only called outside that loop.`
          : `\`backward()\` and \`step()\` run in the loop at line ${firstNoZero.loop.line}, but gradients are never cleared with \`zero_grad()\`.`,
        impact: 'Gradients from every previous batch are added to the current one, so each step uses a growing, stale gradient and training diverges or silently degrades.',
        fix: 'Call `optimizer.zero_grad()` once per iteration, before `loss.backward()` (or after `optimizer.step()`).',
        fixed: dedent(`${ind}optimizer.zero_grad()\n${linesOf(file, backwardLine)}`),
        // The batch loop is a site: the fix goes at its top as much as beside backward().
        sites: [
          ...(firstNoZero.loop.line !== backwardLine ? [{ file: file.path, line: firstNoZero.loop.line }] : []),
          ...noZero.slice(1).map((l) => ({ file: file.path, line: findLine(ctx, l.loop.body, isBackward) ?? l.loop.line })),
        ],
      }),
    );
  }

  if (!firstNoZero) out.push(...unzeroedOptimizerFindings(file, innermost.map((l) => l.loop)));
  // `agent.update(batch)` called in another file's loop: a method that runs backward() and step() is one
  // training step, and nothing in the whole project ever clears the gradients it adds up.
  if (!firstNoZero && training.length === 0 && !traits.clearsGradients) {
    const step = [...ctx.defs.values()].find((d) => links.calledInLoopElsewhere(d.name) && deepHasShallow(d.body, isBackward) && deepHasShallow(d.body, isStep));
    const backwardLine = step && findLine(ctx, step.body, isBackward);
    if (step && backwardLine !== undefined) {
      out.push(
        buildFinding({
          rule: 'missing-zero-grad',
          file,
          line: backwardLine,
          issue: `\`${step.name}()\` runs \`backward()\` and \`step()\` once per call of the training loop that calls it, but no code in the project ever clears the gradients (\`zero_grad()\`).`,
          impact: 'Gradients from every previous update are added to the current one, so each step uses a growing, stale gradient and training diverges or silently degrades.',
          fix: 'Call `optimizer.zero_grad()` at the start of the method, before `loss.backward()`.',
          fixed: dedent(`${indentOf(file, backwardLine)}${optimizerOf(step) ?? 'optimizer'}.zero_grad()\n${linesOf(file, backwardLine)}`),
          sites: [{ file: file.path, line: step.line }],
        }),
      );
    }
  }

  // missing-eval-mode: evaluation loops or functions without eval() / no_grad().
  const evalContexts: { line: number; body: readonly Stmt[]; ancestors: Stmt[]; unit: Def | undefined; def?: Def; label: string; models: Set<string> }[] = [];
  for (const l of loops) {
    if (l.loop.k !== 'for' || deepHas(ctx, l.loop.body, isBackward)) continue;
    if (!HELD_OUT_ITER.test(iterText(l.loop.iter)) || !deepHas(ctx, l.loop.body, isModelForward)) continue;
    if (l.ancestors.some((a) => a.k === 'for' && evalContexts.some((c) => c.line === a.line))) continue;
    evalContexts.push({ line: l.loop.line, body: [l.loop], ancestors: l.ancestors, unit: l.unit, label: `the loop over \`${iterText(l.loop.iter)}\``, models: forwardedModels(l.loop.body) });
  }
  // `val_pred = net(Xva)` right in the epoch loop, after its batch loop: an inline validation pass.
  for (const l of epochLoops) {
    for (const s of l.loop.body) {
      if (s.k === 'for' || s.k === 'while' || deepHas(ctx, [s], isBackward)) continue;
      // `evaluate_model(model, valid)`: a function of the project, judged where it is defined, not a forward pass.
      const isFunction = (name: string) => ctx.defs.has(name) || ctx.links.defs.has(name) || EVAL_FN.test(name);
      const forward = heldOutForward(ctx, s);
      if (!forward || evalContexts.some((c) => c.line === s.line)) continue;
      evalContexts.push({ line: s.line, body: [s], ancestors: [...l.ancestors, l.loop], unit: l.unit, label: `the validation pass \`${exprText(forward.fn)}(${exprText(forward.args[0]!) || '...'})\``, models: new Set([exprText(forward.fn)]) });
      break;
    }
  }
  // `p_test = torch.sigmoid(model(te[0], te[1]))` after the epoch loop, with the model still in train mode.
  for (const l of epochLoops) {
    const after = leavesAfter(l.unit ? l.unit.body : body, l.loop.endLine);
    let hit: { stmt: Stmt; ancestors: Stmt[]; forward: Extract<Expr, { k: 'call' }> } | undefined;
    for (const a of after) {
      const forward = deepHas(ctx, [a.stmt], isBackward) ? undefined : heldOutForward(ctx, a.stmt);
      if (forward) {
        hit = { ...a, forward };
        break;
      }
    }
    if (!hit || evalContexts.some((c) => c.line === hit!.stmt.line)) continue;
    // Left in eval mode by the loop's own validation (`evaluate(model, val_dl)` switching it), or by an evaluation
    // helper called between the loop and this pass (`test_dev = evaluate(model, test_dl)`).
    if (deepHas(ctx, l.loop.body, isEvalCall) || after.some(({ stmt }) => stmt.line < hit.stmt.line && isEvalCallDeep(ctx, stmt))) continue;
    const model = exprText(hit.forward.fn);
    evalContexts.push({ line: hit.stmt.line, body: [hit.stmt], ancestors: [...l.ancestors, ...hit.ancestors], unit: l.unit, label: `the held-out pass \`${model}(...)\` after training`, models: new Set([model]) });
  }
  for (const def of ctx.defs.values()) {
    // Named for evaluation, or handed a validation/test loader by another file (`evaluator.run(model, val_dl)`).
    if (!(EVAL_FN.test(def.name) || links.calledWithHeldOutElsewhere(def.name) || calledWithHeldOutHere(ctx, def.name)) || deepHas(ctx, def.body, isBackward) || !deepHas(ctx, def.body, isModelForward)) continue;
    if (evalContexts.some((c) => c.unit === def)) {
      // Judge the function as a whole rather than its inner loop.
      for (let i = evalContexts.length - 1; i >= 0; i--) if (evalContexts[i]!.unit === def) evalContexts.splice(i, 1);
    }
    evalContexts.push({ line: def.line, body: def.body, ancestors: [], unit: undefined, def, label: `\`${def.name}()\``, models: new Set() });
  }
  const evalProblems: { line: number; missing: string[]; label: string; forward?: { file: string; line: number } }[] = [];
  for (const c of evalContexts.sort((a, b) => a.line - b.line)) {
    const missing: string[] = [];
    // In a loop, `.eval()` must be called on the model the loop runs (not on another one).
    // (`model = model.cuda().eval()`: the switch at the end of a chain of moves is on the same model.)
    const evalOf = (s: Stmt) => (c.models.size === 0 ? isEvalCall(s) : callsIn(s).some((call) => switchesToEval(call) && call.fn.k === 'attr' && c.models.has(exprText(unchained(call.fn.obj)))));
    // A function the analyzer cannot see that receives the model may switch it to eval mode: silence.
    const handsOff = (s: Stmt) => callsIn(s).some((call) => ctx.links.unknownCallee(exprText(call.fn)) && call.args.some((a) => MODEL_CALLEE.test(exprText(a)) || c.models.has(exprText(a))));
    const evalSet =
      (c.def !== undefined && frozenInEvalMode(ctx, file, c.def)) ||
      deepHas(ctx, c.body, evalOf) ||
      deepHas(ctx, c.body, handsOff) ||
      (c.def ? callersAll(ctx, c.def.name, (s, line) => s.line < line && (isEvalCallDeep(ctx, s) || handsOff(s))) : priorInUnit(ctx, c, (s) => evalOf(s) || handsOff(s)));
    const noGrad =
      c.ancestors.some(isNoGradWith) ||
      deepHasShallow(c.body, isNoGradWith) ||
      // `score()` calling `self.predict(loader)`, whose forward passes run under no_grad (a with-block, or
      // `@torch.inference_mode()` on the method).
      deepHas(ctx, c.body, isNoGradWith) ||
      // (Or a method of a class another file defines, `model.anomaly_map(x)` under `@torch.no_grad()` there.)
      deepHas(ctx, c.body, (s) => callsIn(s).some((call) => (ctx.defs.get(calleeOf(call)) ?? ctx.links.defs.get(exprText(call.fn)) ?? (call.fn.k === 'attr' ? ctx.links.methods?.get(call.fn.attr) : undefined))?.decorators.some((d) => /no_grad|inference_mode/.test(callText(d) || exprText(d))) === true)) ||
      (c.def !== undefined && c.def.decorators.some((d) => /no_grad|inference_mode/.test(callText(d) || exprText(d)))) ||
      (c.def !== undefined && callersWrapped(ctx, c.def.name)) ||
      (c.unit !== undefined && c.unit.decorators.some((d) => /no_grad|inference_mode/.test(callText(d) || exprText(d))));
    // `model.train()` called on purpose under no_grad around `model(images, targets)`: torchvision detectors only
    // return their losses in train mode; the mode is a choice, not an omission.
    const withTargets = (st: Stmt) => callsIn(st).some((call) => (MODEL_CALLEE.test(exprText(call.fn)) || c.models.has(exprText(call.fn))) && call.args.length >= 2);
    // So is `model.train()  # MC dropout` in a no_grad function that samples the same inputs many times.
    const deliberateTrain = noGrad && deepHasShallow(c.body, isTrainCall) && (deepHasShallow(c.body, withTargets) || (c.def !== undefined && isMonteCarloDropout(file, c.def)));
    // (A network of plain linear layers and activations computes the same in either mode: only no_grad matters.)
    if (!evalSet && !deliberateTrain && traits.modeSensitive) missing.push('`model.eval()`');
    if (!noGrad) missing.push('`torch.no_grad()`');
    // A whole function is judged at its `def`; its forward pass is where a reader sees the mode matter.
    if (missing.length > 0) evalProblems.push({ line: c.line, missing, label: c.label, forward: c.def ? forwardSite(ctx, c.def) : undefined });
  }
  const firstEval = evalProblems[0];
  if (firstEval) {
    const ind = indentOf(file, firstEval.line);
    out.push(
      buildFinding({
        rule: 'missing-eval-mode',
        file,
        line: firstEval.line,
        issue: `${capital(firstEval.label)} evaluates the model without ${firstEval.missing.join(' or ')}${firstEval.forward && firstEval.forward.file !== file.path ? ` (its forward pass runs at ${firstEval.forward.file}:${firstEval.forward.line})` : ''}.`,
        impact: firstEval.missing.includes('`model.eval()`')
          ? 'Dropout stays active and batch-norm uses (and updates) batch statistics, so validation/test scores are noisy and wrong, and evaluation changes the model.'
          : 'Autograd records every operation, wasting memory and time (and risking out-of-memory on large validation sets).',
        fix: 'Call `model.eval()` and wrap evaluation in `with torch.no_grad():` (switch back with `model.train()` before training again).',
        fixed: firstEval.forward !== undefined
          ? dedent(
              [
                ...(firstEval.missing.includes('`torch.no_grad()`') ? [`${ind}@torch.no_grad()`] : []),
                linesOf(file, firstEval.line),
                ...(firstEval.missing.includes('`model.eval()`') ? [`${ind}    model.eval()`] : []),
              ].join('\n'),
            )
          : dedent(`${ind}model.eval()\n${ind}with torch.no_grad():\n${linesOf(file, firstEval.line).replace(/^(\s*)/, '$1    ')}`),
        sites: [
          ...(firstEval.forward !== undefined && firstEval.forward.line !== firstEval.line ? [firstEval.forward] : []),
          ...evalProblems.slice(1).map((p) => ({ file: file.path, line: p.line })),
        ],
      }),
    );
  }
  // Eval mode switched on inside the epoch loop and never switched back.
  for (const e of epochLoops) {
    if (!deepHas(ctx, e.loop.body, isEvalCall) || deepHas(ctx, e.loop.body, isTrainCall)) continue;
    const evalLine = findLine(ctx, e.loop.body, isEvalCall) ?? e.loop.line;
    const firstBody = e.loop.body[0]?.line ?? e.loop.line;
    out.push(
      buildFinding({
        rule: 'missing-eval-mode',
        file,
        line: e.loop.line,
        title: 'Model never switched back to train mode',
        issue: `The epoch loop calls \`.eval()\` for validation (line ${evalLine}) but never \`.train()\`, so every epoch after the first trains in eval mode.`,
        impact: 'Dropout is disabled and batch-norm statistics freeze after the first validation, so the model trains differently from what the code suggests.',
        fix: 'Call `model.train()` at the start of each training epoch.',
        fixed: dedent(`${linesOf(file, e.loop.line)}\n${indentOf(file, firstBody)}model.train()`),
        sites: [{ file: file.path, line: evalLine }],
      }),
    );
    break;
  }

  const firstEpoch = epochLoops[0];
  if (!firstEpoch) return out;
  const hasValidation = epochLoops.every((e) => deepHas(ctx, e.loop.body, (s) => isEvalCall(s) || hasCall(EVAL_FN)(s) || loopOverHeldOut(s) || callOnValidation(s)));
  if (!hasValidation) {
    out.push(
      buildFinding({
        rule: 'no-validation-loop',
        file,
        line: firstEpoch.loop.line,
        issue: 'The training loop never evaluates the model on validation data between epochs.',
        impact: 'Overfitting goes unnoticed and there is no signal for choosing the number of epochs, the learning rate or the checkpoint to keep.',
        fix: 'Hold out a validation DataLoader and evaluate on it (model.eval(), torch.no_grad()) at the end of every epoch; log both losses.',
      }),
    );
  }
  if (!traits.earlyStopping && !traits.regularization) {
    out.push(
      buildFinding({
        rule: 'no-early-stopping',
        file,
        line: firstEpoch.loop.line,
        issue: 'The model trains for a fixed number of epochs with no early stopping and no regularization (dropout, weight decay).',
        impact: 'Training runs past the best epoch and the final weights are overfitted; nothing limits model capacity.',
        fix: 'Track the validation loss, keep the best weights and stop after `patience` epochs without improvement; add dropout or weight_decay.',
      }),
    );
  }
  if (!traits.saves) {
    out.push(
      buildFinding({
        rule: 'no-checkpoint',
        file,
        line: firstEpoch.loop.line,
        issue: 'The trained model is never saved: no torch.save / state_dict checkpoint anywhere in the project.',
        impact: 'The weights are lost when the process ends, a crash loses all progress, and the evaluated model cannot be reproduced or deployed.',
        fix: 'Save `model.state_dict()` (and the optimizer state) with torch.save, at least for the best validation epoch.',
        fixed: `torch.save({"model": model.state_dict(), "optimizer": optimizer.state_dict(), "epoch": epoch}, "checkpoint.pt")`,
      }),
    );
  }
  return out;
}

/** Names of the models a loop body calls (`best_model(x)` → best_model). */
function forwardedModels(body: readonly Stmt[]): Set<string> {
  const out = new Set<string>();
  const visit = (stmts: readonly Stmt[]) => {
    for (const s of stmts) {
      for (const c of callsIn(s)) {
        const text = exprText(c.fn);
        if (text && MODEL_CALLEE.test(text) && text !== 'self') out.add(text);
        if (calleeOf(c) === 'forward' && c.fn.k === 'attr') out.add(exprText(c.fn.obj));
      }
      for (const b of stmtBodies(s)) visit(b);
    }
  };
  visit(body);
  return out;
}

function iterText(e: Expr): string {
  let cur = e;
  while (cur.k === 'call' && cur.args[0]) cur = cur.args[0];
  return exprText(cur) || (e.k === 'call' ? exprText(e.fn) : '');
}

function loopOverHeldOut(s: Stmt): boolean {
  return s.k === 'for' && HELD_OUT_ITER.test(iterText(s.iter));
}

/** Validation rows by a whole word of their name (`val_loader`, `validLoader`, `dev_ds`), not `interval`. */
const VALIDATION_WORD = /(^|_)(val|valid|validation|dev|eval|holdout)(_|$|\d)/;

/** `run_epoch(model, val_loader, loss_fn)`: a helper handed the validation rows runs over them. */
function callOnValidation(s: Stmt): boolean {
  if (s.k === 'for' || s.k === 'while' || s.k === 'def' || s.k === 'class') return false;
  let found = false;
  for (const e of stmtExprs(s)) {
    walkExpr(e, (x) => {
      if (found || x.k !== 'call') return;
      for (const a of [...x.args, ...x.kwargs.map((k) => k.value)]) {
        const text = exprText(a.k === 'star' ? a.value : a).split('.').pop() ?? '';
        if (VALIDATION_WORD.test(text.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase())) found = true;
      }
    });
  }
  return found;
}

function findLine(ctx: Ctx, body: readonly Stmt[], test: (s: Stmt) => boolean): number | undefined {
  for (const s of body) {
    if (s.k === 'def' || s.k === 'class') continue;
    if (test(s) && stmtBodies(s).length === 0) return s.line;
    for (const b of stmtBodies(s)) {
      const found = findLine(ctx, b, test);
      if (found !== undefined) return found;
    }
    if (test(s)) return s.line;
  }
  return undefined;
}

function deepHasShallow(body: readonly Stmt[], test: (s: Stmt) => boolean): boolean {
  for (const s of body) {
    if (test(s)) return true;
    if (s.k === 'def' || s.k === 'class') continue;
    for (const b of stmtBodies(s)) if (deepHasShallow(b, test)) return true;
  }
  return false;
}

function isEvalCallDeep(ctx: Ctx, s: Stmt): boolean {
  return deepHas(ctx, [s], isEvalCall);
}

/** Every call of `name` has a statement before it in the same body that satisfies `test`. */
function callersAll(ctx: Ctx, name: string, test: (s: Stmt, line: number) => boolean): boolean {
  const bodies: Stmt[][] = [];
  const visit = (body: Stmt[]) => {
    bodies.push(body);
    for (const s of body) for (const b of stmtBodies(s)) visit(b);
  };
  visit(ctx.file.module!.body);
  let calls = 0;
  let ok = 0;
  for (const body of bodies) {
    body.forEach((s, i) => {
      if (s.k === 'def' || s.k === 'class') return;
      const call = callsIn(s).find((c) => calleeOf(c) === name);
      if (!call) return;
      calls += 1;
      // `best = create_model(...)` after the validation loop switched `model` to eval mode: a new object, in train mode.
      // (Only a model handed in counts: `test = Pets(split="test")` built since is data, not a new model.)
      const def = ctx.defs.get(name);
      const runs = (param: string | undefined) => param !== undefined && deepHasShallow(def!.body, (st) => callsIn(st).some((c) => c.fn.k === 'name' && c.fn.id === param));
      const offset = def?.params[0]?.name === 'self' ? 1 : 0;
      const passed = new Set(call.args.flatMap((a, k) => (a.k === 'name' && (!def || runs(def.params[k + offset]?.name)) ? [a.id] : [])));
      let from = 0;
      body.slice(0, i).forEach((p, j) => {
        // (`net = backbone(kind)` whose helper returns `net.eval()` counts: the assignment itself is kept.)
        if (p.k === 'assign' && p.targets.some((t) => t.k === 'name' && passed.has(t.id))) from = j;
      });
      if (body.slice(from, i).some((p) => test(p, s.line))) ok += 1;
    });
  }
  return calls > 0 && ok === calls;
}

/**
 * Where a judged function runs the model: its own forward call, or that of a helper it calls
 * (`embs = extract_embeddings(model, utts)`, in this file or another of the project).
 */
/**
 * A frozen feature extractor (PatchCore, PaDiM): the network its forward pass runs is put in eval mode where it is
 * kept (`self.backbone = backbone.to(device).eval()`) and nothing in the file ever switches a model to training.
 */
function frozenInEvalMode(ctx: Ctx, file: SourceFile, def: Def): boolean {
  const site = forwardSite(ctx, def);
  if (!site || site.file !== file.path) return false;
  const attr = /\bself\.(\w+)\(/.exec(file.lines[site.line - 1] ?? '')?.[1];
  if (!attr) return false;
  const text = file.lines.join('\n');
  const keptInEval = new RegExp(`\\bself\\.${attr}\\s*=[^\\n]*\\.eval\\(\\)`).test(text);
  return keptInEval && !/\.train\(\s*(True|mode\s*=\s*True)?\s*\)/.test(text);
}

function forwardSite(ctx: Ctx, def: Def, seen = new Set<Def>()): { file: string; line: number } | undefined {
  seen.add(def);
  const own = findLine(ctx, def.body, isModelForward);
  if (own !== undefined) {
    const path = ctx.defs.get(def.name) === def ? ctx.file.path : ctx.links.fileOf(def);
    return path === undefined ? undefined : { file: path, line: own };
  }
  for (const s of flatStmts(def.body)) {
    for (const call of callsIn(s)) {
      const callee = ctx.defs.get(calleeOf(call)) ?? ctx.links.defs.get(exprText(call.fn));
      if (!callee || seen.has(callee)) continue;
      const site = forwardSite(ctx, callee, seen);
      if (site) return site;
    }
  }
  return undefined;
}

/** Statements of a body and its nested blocks, in order (not into nested functions or classes). */
function flatStmts(body: readonly Stmt[]): Stmt[] {
  const out: Stmt[] = [];
  for (const s of body) {
    if (s.k === 'def' || s.k === 'class') continue;
    out.push(s);
    for (const b of stmtBodies(s)) out.push(...flatStmts(b));
  }
  return out;
}

/** `model(X_val)`, `net(va[0], va[1])`: a forward pass of a model (not a function of the project) on held-out rows. */
function heldOutForward(ctx: Ctx, s: Stmt): Extract<Expr, { k: 'call' }> | undefined {
  const isFunction = (name: string) => ctx.defs.has(name) || ctx.links.defs.has(name) || EVAL_FN.test(name);
  const heldOut = (a: Expr) => {
    const part = partFromName(exprText(a) || iterText(a) || (a.k === 'sub' ? exprText(a.obj) : ''));
    return part === 'val' || part === 'test';
  };
  return callsIn(s).find((c) => MODEL_CALLEE.test(exprText(c.fn)) && exprText(c.fn) !== 'self' && !isFunction(exprText(c.fn)) && c.args.some(heldOut));
}

/** Simple statements after `line` in a body (not in functions, classes or loops), with their enclosing blocks. */
function leavesAfter(body: readonly Stmt[], line: number, ancestors: Stmt[] = [], out: { stmt: Stmt; ancestors: Stmt[] }[] = []): { stmt: Stmt; ancestors: Stmt[] }[] {
  for (const s of body) {
    if (s.k === 'def' || s.k === 'class' || s.k === 'for' || s.k === 'while' || s.endLine <= line) continue;
    const bodies = stmtBodies(s);
    if (bodies.length === 0) {
      if (s.line > line) out.push({ stmt: s, ancestors });
      continue;
    }
    for (const b of bodies) leavesAfter(b, line, [...ancestors, s], out);
  }
  return out;
}

/** `self.optimizer` of `self.optimizer.step()` in a method. */
function optimizerOf(def: Def): string | undefined {
  for (const s of flatStmts(def.body)) for (const c of callsIn(s)) if (calleeOf(c) === 'step' && c.fn.k === 'attr' && /optim|opt$/i.test(exprText(c.fn.obj))) return exprText(c.fn.obj);
  return undefined;
}

/** `mc_predict`: repeated stochastic passes (`for _ in range(T)`), or named or commented as Monte Carlo dropout. */
function isMonteCarloDropout(file: SourceFile, def: Def): boolean {
  if (/(^|_)mc(_|$)|monte|mc_?dropout/i.test(def.name)) return true;
  const text = file.lines.slice(def.line - 1, def.endLine).join('\n');
  return /\bfor _ in range\(|monte.?carlo|mc.?dropout/i.test(text);
}

/** `recall_at_k(model, val_ds, ...)` in this file: a function handed validation or test rows evaluates on them. */
function calledWithHeldOutHere(ctx: Ctx, name: string): boolean {
  let found = false;
  walkStmts(ctx.file.module!.body, (s) => {
    if (found || s.k === 'def' || s.k === 'class') return;
    for (const call of callsIn(s)) {
      if (calleeOf(call) !== name) continue;
      if (call.args.some((a) => { const part = partFromName(exprText(a.k === 'star' ? a.value : a)); return part === 'val' || part === 'test'; })) found = true;
    }
  });
  return found;
}

/** Every call of `name` sits inside `with torch.no_grad()` (or a no_grad-decorated function). */
function callersWrapped(ctx: Ctx, name: string): boolean {
  let calls = 0;
  let wrapped = 0;
  const visit = (body: readonly Stmt[], inside: boolean) => {
    for (const s of body) {
      if (s.k === 'def') {
        visit(s.body, s.decorators.some((d) => /no_grad|inference_mode/.test(callText(d) || exprText(d))));
        continue;
      }
      if (stmtBodies(s).length === 0 && callsIn(s).some((c) => calleeOf(c) === name)) {
        calls += 1;
        if (inside) wrapped += 1;
      }
      for (const b of stmtBodies(s)) visit(b, inside || isNoGradWith(s));
    }
  };
  visit(ctx.file.module!.body, false);
  return calls > 0 && wrapped === calls;
}

/** `model.eval()` earlier in the same unit (before the evaluation loop starts). */
function priorInUnit(ctx: Ctx, c: { line: number; ancestors: Stmt[]; unit: Def | undefined }, test: (s: Stmt) => boolean): boolean {
  const body = c.unit ? c.unit.body : ctx.file.module!.body;
  let found = false;
  const visit = (stmts: readonly Stmt[]) => {
    for (const s of stmts) {
      if (s.line >= c.line) return;
      if (s.k === 'def' || s.k === 'class') continue;
      if (test(s) && stmtBodies(s).length === 0) found = true;
      for (const b of stmtBodies(s)) if (c.ancestors.includes(s) || s.endLine < c.line) visit(b);
    }
  };
  visit(body);
  return found;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// ---------- Keras ----------

function kerasFindings(file: SourceFile, facts: FileFacts, code: string, traits: ProjectTraits): FindingInput[] {
  const fits = facts.kerasFits;
  if (fits.length === 0 || !/keras|tensorflow/.test(code)) return [];
  const out: FindingInput[] = [];
  const noVal = fits.filter((f) => !f.validation && !f.refit);
  const firstNoVal = noVal[0];
  if (firstNoVal) {
    const current = linesOf(file, firstNoVal.line, firstNoVal.endLine);
    out.push(
      buildFinding({
        rule: 'no-validation-loop',
        file,
        line: firstNoVal.line,
        endLine: firstNoVal.endLine,
        issue: '`fit` trains for several epochs without `validation_data` or `validation_split`.',
        impact: 'Overfitting goes unnoticed and there is no signal for choosing the number of epochs or for early stopping.',
        fix: 'Pass `validation_split=0.2` (or `validation_data=(X_val, y_val)` from a split of the training data).',
        fixed: dedent(current.replace(/\)\s*$/, ', validation_split=0.2)')),
        sites: noVal.slice(1).map((f) => ({ file: file.path, line: f.line })),
      }),
    );
  }
  const noEarly = fits.filter((f) => !f.earlyStopping && !f.refit);
  const firstNoEarly = noEarly[0];
  if (firstNoEarly && !traits.kerasEarlyStopping && !traits.regularization) {
    out.push(
      buildFinding({
        rule: 'no-early-stopping',
        file,
        line: firstNoEarly.line,
        endLine: firstNoEarly.endLine,
        issue: 'The network trains for a fixed number of epochs with no EarlyStopping callback and no regularization (Dropout, kernel regularizers).',
        impact: 'Training runs past the best epoch and the final weights are overfitted.',
        fix: 'Add `keras.callbacks.EarlyStopping(monitor="val_loss", patience=5, restore_best_weights=True)` and/or Dropout layers.',
        fixed: dedent(linesOf(file, firstNoEarly.line, firstNoEarly.endLine).replace(/\)\s*$/, ', callbacks=[keras.callbacks.EarlyStopping(patience=5, restore_best_weights=True)])')),
      }),
    );
  }
  if (!traits.saves) {
    const first = fits[0]!;
    out.push(
      buildFinding({
        rule: 'no-checkpoint',
        file,
        line: first.line,
        endLine: first.endLine,
        issue: 'The trained network is never saved: no model.save, save_weights or ModelCheckpoint anywhere in the project.',
        impact: 'The weights are lost when the process ends and the evaluated model cannot be reproduced or deployed.',
        fix: 'Add a `keras.callbacks.ModelCheckpoint("best.keras", save_best_only=True)` callback or call `model.save(...)` after training.',
        fixed: `${dedent(linesOf(file, first.line, first.endLine))}\nmodel.save("model.keras")`,
      }),
    );
  }
  return out;
}
