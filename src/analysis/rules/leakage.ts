// Rules 1–5: leakage between the training rows and the rows used to judge the model.
import type { FindingInput } from '../../review/schema.js';
import type { FileFacts, LeakSink } from '../flow/facts.js';
import type { Leak } from '../flow/values.js';
import { buildFinding, dedent, linesOf, type FindingDraft } from '../findings.js';
import type { SourceFile } from '../source.js';
import { addKwarg, replaceWord, swapPart } from './rewrite.js';

export function leakageFindings(file: SourceFile, facts: FileFacts): FindingInput[] {
  const out: FindingDraft[] = [];
  // One finding per split (or CV) reached: every preprocessing step before it is one root cause.
  const bySink = new Map<string, LeakSink[]>();
  for (const sink of facts.leakSinks) {
    const key = `${sink.leak.kind}|${sink.line}`;
    bySink.set(key, [...(bySink.get(key) ?? []), sink]);
  }
  for (const group of bySink.values()) out.push(leakFinding(file, group.sort((a, b) => a.leak.line - b.leak.line)));
  const seenGroups = new Set<number>();
  // Lines where the test rows are scored (at the call that ran a helper's metric, when it is in this file).
  const testScored = facts.evals.filter((e) => e.part === 'test').map((e) => (e.calledAt?.file === file.path ? e.calledAt.line : e.line));
  for (const fit of facts.testFits) {
    // Fitted on train and test together only for a plot (its output never reached a model): EDA.
    if (fit.pending && !fit.pending.used) continue;
    // Put back together after every test score was taken (`full = pd.concat([train, val, test])` for the production
    // refit): what it learns reaches no reported number.
    if (fit.pending && fit.group !== undefined && fit.group > 0 && testScored.length > 0 && testScored.every((l) => l < fit.group!)) continue;
    if (fit.group !== undefined) {
      if (seenGroups.has(fit.group)) continue;
      seenGroups.add(fit.group);
    }
    const sameGroup = fit.group === undefined ? [] : facts.testFits.filter((f) => f !== fit && f.group === fit.group);
    const current = linesOf(file, fit.line, fit.endLine);
    const isTransformer = /fit_transform/.test(fit.method);
    const fixed = isTransformer ? swapPart(current.replace('.fit_transform(', '.transform('), fit.part, fit.part) : swapPart(current, fit.part, 'train');
    const rows = fit.note ?? `the ${fit.part === 'val' ? 'validation' : 'test'} rows`;
    const inner = fit.sites ?? [];
    // (Cross-validation functions take the model first: `cross_val_predict(clf, X_test, y_test)`.)
    const fitText = /^cross_val/.test(fit.method) ? `\`${fit.method}(${fit.estText}, ${fit.dataText}, ...)\`` : `\`${fit.estText}.${fit.method}(${fit.dataText})\``;
    if (fit.method === 'training loop') {
      // A network's training loop run over rows put together with the test set.
      out.push({
        rule: 'fit-on-test',
        file,
        line: fit.line,
        endLine: fit.endLine,
        issue: `The network \`${fit.estText}\` is trained (line ${inner[0]?.line ?? fit.line}) on ${rows}: it learns from the test samples, with or without their labels.`,
        impact: 'The test samples are no longer unseen: the representation or weights were shaped on them, so the reported score does not reflect performance on new data.',
        fix: 'Train (and pre-train, self-supervised stages included) on the training rows only; keep the test rows out of every step that learns.',
        sites: inner,
      });
      continue;
    }
    if (fit.method === 'call') {
      // A project helper named for fitting (`fit_normalizer(test_df)`), handed the held-out rows.
      const call = `${fit.estText}(${fit.dataText})`;
      out.push({
        rule: 'fit-on-test',
        file,
        line: fit.line,
        endLine: fit.endLine,
        issue: `\`${call}\` hands ${rows} to \`${fit.estText}\`, a helper named for fitting: whatever it learns (means, scales, encodings) comes from the rows that are then scored.`,
        impact: `The ${fit.part === 'val' ? 'validation' : 'test'} rows are no longer unseen, so the reported score does not reflect performance on new data.`,
        fix: `Fit on the training rows (\`${fit.estText}(${swapPart(fit.dataText, fit.part, 'train')})\`, saved with the model) and reuse what it returns for the held-out rows.`,
        fixed: dedent(current.replace(call, `${fit.estText}(${swapPart(fit.dataText, fit.part, 'train')})`)),
      });
      continue;
    }
    out.push({
      rule: 'fit-on-test',
      file,
      line: fit.line,
      endLine: fit.endLine,
      issue: fit.via
        ? `\`${fit.via}\` passes ${rows} to a helper that fits on them: ${fitText} (line ${inner[0]?.line ?? fit.line}${inner[0] && inner[0].file !== file.path ? ` of ${inner[0].file}` : ''}) learns ${fit.cls === fit.estText ? 'its state' : `the ${fit.cls}`} from them${inner.length > 1 ? `, and so ${inner.length > 2 ? 'do' : 'does'} ${inner.length - 1} more fit${inner.length > 2 ? 's' : ''} there` : ''}.`
        : `${fitText} fits ${fit.cls === fit.estText ? 'it' : `the ${fit.cls}`} on ${rows}${sameGroup.length ? ` (and ${sameGroup.length} more fit${sameGroup.length > 1 ? 's' : ''} on the same rows)` : ''}.`,
      impact: `The ${fit.part === 'val' ? 'validation' : 'test'} rows are no longer unseen: ${isTransformer ? 'their statistics are learned, and train and test are transformed differently,' : 'what was learned from them shapes the model or its inputs,'} so the reported score does not reflect performance on new data.`,
      fix: fit.via
        ? 'Fit the helper\'s transformers once, on the training rows (return them, or split the helper into fit and transform steps), and only transform the held-out rows with them.'
        : isTransformer
          ? `Fit on the training rows only and call \`${fit.estText}.transform(${fit.dataText})\` on the held-out rows.`
          : 'Fit on the training rows only; use the held-out rows solely for predict/score.',
      fixed: fit.note || fit.via ? undefined : dedent(fixed),
      sites: [...inner, ...sameGroup.map((f) => ({ file: file.path, line: f.line }))],
    });
  }
  for (const l of facts.labelLeaks) {
    const sites = [{ file: l.pickFile, line: l.pickLine }, { file: l.fitFile, line: l.fitLine }].filter((x) => !(x.file === file.path && x.line === l.line));
    out.push({
      rule: 'preprocessing-before-split',
      file,
      line: l.line,
      endLine: l.endLine,
      title: l.fromLabel ? 'An input computed from the label' : l.itself ? 'The label is among the inputs' : 'Label computed from a column that stays among the inputs',
      issue: l.fromLabel
        ? `The input \`${l.column}\` is computed from the label \`${l.label}\` (${l.pickFile === file.path ? `line ${l.pickLine}` : `${l.pickFile}:${l.pickLine}`}) and is among the model's inputs here: each row's feature is made of the value the model is meant to predict.`
        : l.itself
        ? `The label \`${l.label}\` (computed from \`${l.column}\` at line ${l.line}) is still among the model's inputs (${l.pickFile === file.path ? `line ${l.pickLine}` : `${l.pickFile}:${l.pickLine}`} drops \`${l.column}\` but not \`${l.label}\`): the model is handed the answer.`
        : `The label \`${l.label}\` is computed from the column \`${l.column}\` alone (line ${l.line}), and \`${l.column}\` is still among the model's inputs (${l.pickFile === file.path ? `line ${l.pickLine}` : `${l.pickFile}:${l.pickLine}`}): the model can read the answer off that column.`,
      impact: l.fromLabel
        ? 'The model reads the answer off that input, so the score is inflated; when it predicts, the label (and so the input) is not known yet.'
        : 'The score measures how well the model recovers its own label definition, not how well it predicts; it will collapse where the column is not known in advance.',
      fix: l.fromLabel
        ? `Remove \`${l.column}\` from the inputs, or compute it from data available before the outcome (an earlier window).`
        : `Drop both \`${l.label}\` and \`${l.column}\` from the inputs, or define the label from information that is not available at prediction time.`,
      sites,
    });
  }
  for (const sel of facts.selections) {
    const current = linesOf(file, sel.line, sel.endLine);
    out.push({
      rule: 'test-set-selection',
      file,
      line: sel.line,
      endLine: sel.endLine,
      issue: `${capitalise(sel.detail)}.`,
      impact: 'Choices are tuned to the test set, so its score is optimistically biased and no unbiased estimate of performance on new data is left.',
      fix:
        sel.kind === 'eval-dataset'
          ? 'Split a validation set off the training split (e.g. `ds["train"].train_test_split(test_size=0.1, seed=42)`) and pass it as eval_dataset; evaluate on the test split once, after training.'
          : sel.kind === 'threshold'
            ? 'Pick the threshold on validation rows (or out-of-fold predictions of the training rows), then apply that fixed threshold to the test set once.'
            : sel.kind === 'validation-data' || sel.kind === 'eval-set' || sel.kind === 'val-dataloaders'
            ? 'Carve a validation set out of the training data (or use validation_split) for monitoring and early stopping; score the test set once, after training.'
            : 'Select with a validation set or cross-validation on the training data (e.g. GridSearchCV on X_train), then score the chosen model once on the test set.',
      fixed: dedent(selectionRewrite(current, sel.kind)),
      sites: [...sel.sites.map((line) => ({ file: file.path, line })), ...(sel.elsewhere ?? [])],
    });
  }
  for (const ts of facts.timeSplits) {
    const current = linesOf(file, ts.line, ts.endLine);
    out.push({
      rule: 'shuffled-time-series-split',
      file,
      line: ts.line,
      endLine: ts.endLine,
      issue: `The rows are time-ordered (${ts.evidence.what} at ${ts.evidence.file && ts.evidence.file !== file.path ? `${ts.evidence.file}:` : 'line '}${ts.evidence.line}), but ${ts.how}.`,
      impact: 'The model is trained on rows from after the ones it is tested on (and lag/rolling features overlap across the split), so the score overstates how well it forecasts the future.',
      fix: 'Split by time: `train_test_split(..., shuffle=False)` on rows sorted by date, or `TimeSeriesSplit` for cross-validation.',
      fixed: dedent(timeRewrite(current)),
      sites: [{ file: ts.evidence.file ?? file.path, line: ts.evidence.line }, ...(ts.sites ?? []).map((line) => ({ file: file.path, line })), ...(ts.elsewhere ?? [])],
    });
  }
  return out.map(buildFinding);
}

/** The other statistics of the same root cause, each named once: ` (so are X, Y at lines 40, 41)`, or ` (with X in the same step)`. */
function alsoFitted(lead: Leak, others: Leak[]): string {
  const named = (w: string) => (w.includes('(') ? `\`${w}\`` : w);
  const distinct = others.filter((o, i) => !(o.what === lead.what && o.line === lead.line) && others.findIndex((x) => x.what === o.what && x.line === o.line) === i);
  if (distinct.length === 0) return '';
  const list = distinct.map((o) => named(o.what)).join(', ');
  if (distinct.every((o) => o.line === lead.line)) return ` (with ${list} in the same step)`;
  return ` (so ${distinct.length === 1 ? 'is' : 'are'} ${list} at line${distinct.length > 1 ? 's' : ''} ${distinct.map((o) => o.line).join(', ')})`;
}

function leakFinding(file: SourceFile, group: LeakSink[]): FindingDraft {
  const sink = group[0]!;
  const { leak } = sink;
  const others = group.slice(1).map((g) => g.leak);
  const last = others.length ? others[others.length - 1]! : leak;
  // Close steps are cited as one block; far ones are listed as other sites.
  const endLine = last.endLine - leak.line <= 8 ? Math.max(leak.endLine, last.endLine) : leak.endLine;
  const oversample = leak.kind === 'oversample';
  const data = leak.dataText ? `\`${leak.dataText}\`` : 'the data';
  // A sink in another file (a script that reads what this one wrote) is named with its file.
  const at = sink.sinkFile && sink.sinkFile !== file.path ? `${sink.sinkFile}:${sink.line}` : `line ${sink.line}`;
  const where =
    sink.kind === 'split'
      ? `the same rows are split into train and test afterwards (${at})`
      : sink.kind === 'transform'
        ? `it was fitted on all rows and then applied to the split parts (${at})`
        : `the rows are cross-validated afterwards (${at}), so every validation fold took part in the fit`;
  const issue = leak.neighbourLabel
    ? `The feature at line ${leak.line} averages the label \`${leak.neighbourLabel}\` over each row's nearest neighbours among all rows, and ${where}: training rows are given the labels of test rows near them.`
    : leak.ownLabel
    ? `A rolling window over the label \`${leak.ownLabel}\` (line ${leak.line}) is not shifted, so each row's feature includes the target it is meant to predict; the model reads the answer, and ${where}.`
    : oversample
    ? `${leak.what} creates synthetic/duplicated rows from ${data} at line ${leak.line}, and ${where}.`
    : `${leak.what.includes('(') ? `\`${leak.what}\` is computed` : `${leak.what} is fitted`} on ${data} at line ${leak.line}${alsoFitted(leak, others)}, and ${where}.`;
  const impact = oversample
    ? 'Synthetic rows derived from test rows (or copies of them) are trained on, so the test score is inflated and will not hold on new data.'
    : 'Statistics of the test rows leak into the training features, so the test score is optimistic and will not hold on new data.';
  const fix = leak.neighbourLabel
    ? 'Split first, build the neighbour index on the training rows only (leaving each training row out of its own neighbours), and let test rows look up their neighbours among the training rows.'
    : leak.ownLabel
    ? `Shift the series before the window (\`s.shift(1).rolling(w).mean()\`) so each row sees only earlier values of \`${leak.ownLabel}\`.`
    : oversample
    ? 'Split first and resample only the training part (or put the sampler in an imblearn Pipeline inside cross-validation).'
    : sink.kind === 'cv' || sink.kind === 'search'
      ? `Put ${leak.what.includes('(') ? 'the statistic' : `the ${leak.what}`} in a Pipeline with the model so each fold fits it on its own training rows.`
      : `Split first, fit ${leak.what.includes('(') ? 'the statistic' : `the ${leak.what}`} on the training rows only, then apply it to the test rows.`;
  return {
    rule: oversample ? 'oversampling-before-split' : 'preprocessing-before-split',
    file,
    line: leak.line,
    endLine,
    issue,
    impact,
    fix,
    fixed: leak.ownLabel ? undefined : others.length ? blockRewrite(file, sink, [leak, ...others], endLine) : leakRewrite(sink),
    sites: [
      { file: sink.sinkFile ?? file.path, line: sink.line },
      ...others.filter((o) => o.line > endLine).map((o) => ({ file: file.path, line: o.line })),
      ...group.flatMap((g) => g.leak.sites ?? []),
    ],
  };
}

/** A concrete rewrite when the code has the usual shape; undefined when guessing would mislead. */
function leakRewrite(sink: LeakSink): string | undefined {
  const { leak } = sink;
  const stmt = leak.stmtText ? dedent(leak.stmtText) : undefined;
  if (!stmt) return undefined;
  if (sink.kind === 'split' && sink.sinkText && sink.trainName && sink.testName) {
    const split = dedent(sink.sinkText);
    const assign = /^([\w.]+)\s*=\s*(.+)$/s.exec(stmt);
    if (!assign) return undefined;
    const [, target = '', rhs = ''] = assign;
    const fitted = /^(.*?)\.(fit_transform|fit_resample)\(\s*([\w.]+)\s*[,)]/s.exec(rhs);
    if (leak.kind === 'preprocess' && fitted && leak.objText) {
      const raw = fitted[3] ?? '';
      const ctorIsInline = /\(/.test(leak.objText);
      const obj = ctorIsInline ? 'transformer' : leak.objText;
      return [
        replaceWord(split, target, raw),
        ...(ctorIsInline ? [`${obj} = ${leak.objText}`] : []),
        `${sink.trainName} = ${obj}.fit_transform(${sink.trainName})`,
        `${sink.testName} = ${obj}.transform(${sink.testName})`,
      ].join('\n');
    }
    // Column statistics: `df['a'] = df['a'].fillna(df['a'].mean())` on the frame that is split.
    const frame = /^(\w+)\[/.exec(target)?.[1];
    if (leak.kind === 'preprocess' && frame && new RegExp(`\\(\\s*${frame}\\b`).test(split)) {
      const trainLine = replaceWord(stmt, frame, sink.trainName);
      const testLine = replaceWord(stmt, frame, sink.testName);
      const statArg = /\(([^()]*\([^()]*\)[^()]*)\)\s*$/.exec(trainLine)?.[1];
      const testFixed = statArg ? testLine.replace(/\(([^()]*\([^()]*\)[^()]*)\)\s*$/, `(${statArg})`) : testLine;
      return [split, trainLine, testFixed].join('\n');
    }
  }
  if (sink.kind === 'cv' && sink.sinkText && leak.objText && leak.kind === 'preprocess') {
    const cv = dedent(sink.sinkText);
    const m = /(cross_val_score|cross_validate|cross_val_predict)\(\s*([^,]+?),\s*([\w.]+)/.exec(cv);
    if (m) {
      const ctor = /\(/.test(leak.objText) ? leak.objText : `${leak.what}()`;
      return `pipeline = make_pipeline(${ctor}, ${m[2]})\n${cv.replace(m[0], `${m[1]}(pipeline, ${leak.dataText ?? m[3]}`)}`;
    }
  }
  return undefined;
}

/**
 * Several steps before one split: split first, then fit each step on the train part and apply it to
 * the test part, keeping the lines in between. Undefined unless every step has the plain
 * `frame... = obj.fit_transform(frame...)` shape on the frame that is split.
 */
function blockRewrite(file: SourceFile, sink: LeakSink, leaks: Leak[], endLine: number): string | undefined {
  if (sink.kind !== 'split' || !sink.sinkText || !sink.trainName || !sink.testName) return undefined;
  const split = dedent(sink.sinkText);
  const frame = /train_test_split\(\s*([A-Za-z_]\w*)\s*[,)]/.exec(split)?.[1];
  if (!frame) return undefined;
  const byLine = new Map(leaks.map((l) => [l.line, l]));
  const out = [split];
  const block = dedent(linesOf(file, leaks[0]!.line, endLine)).split('\n');
  for (let i = 0; i < block.length; i++) {
    const text = block[i] ?? '';
    const leak = byLine.get(leaks[0]!.line + i);
    if (!leak) {
      out.push(text);
      continue;
    }
    if (leak.kind !== 'preprocess' || leak.endLine !== leak.line) return undefined;
    const m = /^(.+?)\s*=\s*(.+?)\.fit_transform\((.+)\)\s*$/.exec(text);
    if (!m || !new RegExp(`^${frame}\\b`).test((m[1] ?? '').trim()) || !new RegExp(`^${frame}\\b`).test((m[3] ?? '').trim())) return undefined;
    out.push(replaceWord(text, frame, sink.trainName));
    out.push(replaceWord(text, frame, sink.testName).replace('.fit_transform(', '.transform('));
  }
  return out.join('\n');
}

function selectionRewrite(current: string, kind: string): string {
  if (kind === 'validation-data') return current.replace(/validation_data\s*=\s*(\([^)]*\)|\[[^\]]*\]|[\w.]+)/, 'validation_data=(X_val, y_val)');
  if (kind === 'search-on-test') return swapPart(current, 'test', 'train');
  if (kind === 'eval-dataset') {
    return current.replace(/eval_dataset\s*=\s*([^,\n]+)/, (_m, v: string) => {
      const swapped = v.replace(/(["'])(test|testing|holdout)\1/, '$1validation$1');
      return `eval_dataset=${swapped !== v ? swapped : swapPart(v, 'test', 'val') !== v ? swapPart(v, 'test', 'val') : 'val_ds'}`;
    });
  }
  return swapPart(current, 'test', 'val');
}

function timeRewrite(current: string): string {
  if (/train_test_split/.test(current)) {
    const withoutShuffle = current.replace(/,\s*shuffle\s*=\s*True/, '');
    return addKwarg(withoutShuffle.replace(/,\s*random_state\s*=\s*[^,)]+/, ''), 'shuffle=False');
  }
  const rs = /^(\s*)([^=]+?)\s*=\s*(?:[\w.]+\.)?random_split\(\s*([\w.]+)/.exec(current);
  if (rs) {
    const [, indent = '', lhs = '', ds = ''] = rs;
    const names = lhs.split(',').map((n) => n.trim()).filter(Boolean);
    const cuts = names.length === 3 ? ['0', 'cut1', 'cut2', 'n'] : ['0', 'cut', 'n'];
    const head = names.length === 3 ? `${indent}cut1, cut2 = int(n * 0.7), int(n * 0.85)` : `${indent}cut = int(n * 0.8)`;
    const parts = names.map((_, i) => `Subset(${ds}, range(${cuts[i]}, ${cuts[i + 1] ?? 'n'}))`);
    return `${indent}n = len(${ds})  # contiguous blocks in time order (leave a gap of window + horizon between them)\n${head}\n${indent}${names.join(', ')} = ${parts.join(', ')}`;
  }
  if (/\.sample\(/.test(current)) return current.replace(/(\w+)\.sample\([^)]*\)/, '$1.iloc[: int(len($1) * 0.8)]');
  const perm = /(?:[\w.]+(?:\([^()]*\))?\.)*permutation\(\s*([^()]*(?:\([^()]*\))?[^()]*)\)/.exec(current);
  if (perm) {
    const arg = (perm[1] ?? '').trim();
    return current.replace(perm[0], /^(len\(|\d)/.test(arg) ? `np.arange(${arg})` : `np.arange(len(${arg}))`) + '  # keep the time order: cut the first rows for training, the last for testing';
  }
  const replaced = current.replace(/\b(KFold|StratifiedKFold|ShuffleSplit|StratifiedShuffleSplit|RepeatedKFold|RepeatedStratifiedKFold)\([^)]*\)/, 'TimeSeriesSplit(n_splits=5)');
  return replaced !== current ? replaced : `${current}  # use TimeSeriesSplit(n_splits=5) as cv`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
