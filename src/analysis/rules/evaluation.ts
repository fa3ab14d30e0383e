// Rules 6 and 8, judged over the whole project: held-out evaluation, metrics beyond accuracy,
// stratified splits, a baseline, and a tuned decision threshold.
import type { FindingInput } from '../../review/schema.js';
import type { AnalysedFile } from '../analyze.js';
import type { EvalFact, FitFact } from '../flow/facts.js';
import { BASELINE_MODELS, isClassifierName } from '../flow/knowledge.js';
import { buildFinding, dedent, linesOf } from '../findings.js';
import type { SourceFile } from '../source.js';
import { HELD_OUT_NAME, namesOf, SUBMISSION_TEXT } from './code-names.js';
import { addKwarg, swapPart } from './rewrite.js';

const OTHER_METRIC_TEXT = /\b(f1|fbeta|precision|recall|roc_auc|auc|AUC|average_precision|classification_report|confusion_matrix|log_loss|matthews|cohen_kappa|balanced_accuracy|F1Score|Precision\(|Recall\()/;
// A baseline named in code: Dummy* models and naive forecasts, or a score kept for a reference predictor
// (`scores["null_pr_auc"] = y_te.mean()`: the prevalence is a no-skill classifier's PR-AUC), or scores of
// random targeting kept next to the model's (`"qini_random"`), or an intercept-only formula (`"y ~ 1"`, statsmodels).
const BASELINE_TEXT = /["']\s*[\w.]+\s*~\s*1\s*["']|baseline|dummy|naive|persistence|majority_class|most_frequent|popularity|most_popular|\b[a-z]\w*_random\b|\brandom_(scores?|targeting|policy|guess|ranking)\b|["']random\b[^"'\n]*["']\s*[:,]|\b(null|prior|chance|no_?skill|prevalence|climatology)_(pr_auc|roc_auc|auc|ap|acc\w*|f1|rmse|mae|mse|r2|brier|log_?loss|score)\b/i;
const SELF_SUPERVISED = /\b(sim_?clr|sim_?siam|moco(_?v\d)?|byol|barlow_?twins|vicreg|swav|dino(_?v2)?|nt_?xent|info_?nce|contrastive|self[-_ ]supervised)\b/i;
const THRESHOLD_TUNING_TEXT = /roc_curve|precision_recall_curve|TunedThresholdClassifierCV|FixedThresholdClassifier|for\s+\w*thr\w*\s+in|thresholds?\s*=\s*(np\.)?(linspace|arange)/;

export function evaluationFindings(files: readonly AnalysedFile[]): FindingInput[] {
  const code = files.filter((f) => f.facts && f.source.kind !== 'dependency');
  if (code.length === 0) return [];
  const texts = code.map((f) => f.source.code ?? '').join('\n');
  const all = <T>(pick: (f: AnalysedFile) => T[]) => code.flatMap((f) => pick(f).map((x) => ({ file: f.source, x })));
  const evals = all((f) => f.facts!.evals);
  const fits = all((f) => f.facts!.fits);
  const torchTraining = code.some((f) => /\.backward\(/.test(f.source.code ?? ''));
  // Predictions on an unlabelled test set written to a submission file evaluate nothing.
  const submissionOnly = SUBMISSION_TEXT.test(texts);
  const splitAnywhere = all((f) => f.facts!.splits).length > 0;
  // Labels of rows no split ever divided, from the source the model was fitted on: the training rows scored again.
  const sameRows = (e: (typeof evals)[number]) =>
    !splitAnywhere && e.x.part === undefined && (e.x.origins?.length ?? 0) > 0 && fits.some((f) => f.file === e.file && f.x.labelsFrom !== undefined && f.x.labelsFrom === e.x.truthFrom && f.x.origins?.some((o) => e.x.origins!.includes(o)));
  // Cross-validation is a held-out estimate when its scores are read: a search whose `best_score_` (or `cv_results_`)
  // nobody reports leaves only the refit model's scores, computed wherever the code computes them.
  const cvLines = all((f) => f.facts!.cvLines);
  const searchOnly = () => /\b(GridSearchCV|RandomizedSearchCV|HalvingGridSearchCV|HalvingRandomSearchCV|BayesSearchCV)\(/.test(texts) && !/\b(cross_val_score|cross_validate|cross_val_predict|learning_curve|validation_curve)\(|\.split\(\s*[A-Za-z_]/.test(texts);
  // (Unless the code names held-out rows of its own, `X_eval`, that the analyzer could not trace.)
  const namesHeldOut = () => HELD_OUT_NAME.test(code.map((f) => namesOf(f.source.code ?? '')).join('\n'));
  const cvReported = cvLines.length > 0 && (!searchOnly() || /\.(best_score_|cv_results_)/.test(texts) || namesHeldOut());
  const heldOut =
    (all((f) => f.facts!.heldOutUses).length > 0 && !submissionOnly) ||
    cvReported ||
    // (A reference score of rows the analyzer could not trace is no evidence of held-out rows.)
    evals.some((e) => e.x.part !== 'train' && e.x.part !== 'full' && !(e.x.baseline && e.x.part === undefined) && !sameRows(e)) ||
    all((f) => f.facts!.kerasFits).some((k) => k.x.validation) ||
    all((f) => f.facts!.selections).length > 0 ||
    all((f) => f.facts!.testFits).length > 0 ||
    // A function the analyzer cannot follow received the model: it may well evaluate it on held-out rows.
    all((f) => f.facts!.unknownModelUses).length > 0 ||
    code.some((f) => scoredOnOtherRows(f.facts!)) ||
    (!submissionOnly && /\b(val|valid|validation|test|dev|holdout)_?(loader|dataloader|ds|dataset|data|set|batches|iter|generator|gen)\b/i.test(texts)) ||
    // Held-out inputs and targets built by hand (`test_in`, `valid_tgt`: leave-one-out sequences) and handed to a call.
    (!submissionOnly && /\w\(\s*(val|valid|validation|test|dev|holdout)_(in|inp|inputs?|seqs?|x)\s*,\s*(val|valid|validation|test|dev|holdout)_(tgt|targets?|labels?|y)\b/i.test(texts)) ||
    // Graph benchmarks' own held-out nodes and edges (PyTorch Geometric masks, OGB's official splits).
    /\b(val|valid|test)_mask\b|\bget_(idx|edge)_split\(/.test(texts) ||
    // Out-of-bag estimates of a bagged model: each row scored by the trees that did not see it.
    /\boob_score\s*=\s*True\b|\.oob_(score|decision_function|prediction)_/.test(texts);
  const out: FindingInput[] = [];

  // A split was made, but every metric is of the training part (an evaluation step that reads the train split back).
  const onlyTrainScores = splitAnywhere && evals.length > 0 && evals.every((e) => e.x.part === 'train');
  const nothingHeldOut = splitAnywhere
    ? 'the held-out rows the split made are never scored'
    : cvLines.length > 0
      ? "nothing else is held out: the search's cross-validated score (`best_score_`) is never reported"
      : 'no split, cross-validation or validation data is used anywhere';
  // A reinforcement-learning agent learns from an environment, not from rows: episodes on fresh seeds evaluate it.
  const environment = /^\s*(import (gym|gymnasium)\b|from (gym|gymnasium|stable_baselines3|sb3_contrib|pettingzoo|tianshou|ray\.rllib)\b)|\benv\.step\(/m.test(texts);
  // Self-supervised pre-training (SimCLR, MoCo, BYOL...) learns from unlabelled views and scores nothing: its
  // representation is judged later, by a probe or fine-tuning on labelled rows.
  const pretrainingOnly = evals.length === 0 && fits.length === 0 && SELF_SUPERVISED.test(texts);
  if (!heldOut && (!splitAnywhere || onlyTrainScores) && (fits.length > 0 || torchTraining) && !(environment && evals.length === 0) && !pretrainingOnly) {
    const trainEval = evals[0];
    // A metric computed in a helper is cited at the call that handed it the training rows, the metric as a site.
    const caller = trainEval?.x.calledAt ? code.find((f) => f.source.path === trainEval.x.calledAt!.file)?.source : undefined;
    if (trainEval && caller && trainEval.x.calledAt) {
      const at = trainEval.x.calledAt;
      out.push(
        buildFinding({
          rule: 'no-held-out-evaluation',
          file: caller,
          line: at.line,
          endLine: at.endLine,
          title: 'Metrics computed on the training data only',
          issue: `\`${trainEval.x.metric}\` (line ${trainEval.x.line}${trainEval.file.path !== caller.path ? ` of ${trainEval.file.path}` : ''}) is computed on the rows this call hands over, the rows the model was trained on; ${nothingHeldOut}.`,
          impact: 'Training-set scores reward memorisation: the number says nothing about performance on new data and can hide severe overfitting.',
          fix: 'Hold out a test set (train_test_split before fitting) or cross-validate, and hand the held-out rows to the evaluation.',
          sites: [{ file: trainEval.file.path, line: trainEval.x.line }],
        }),
      );
    } else if (trainEval) {
      out.push(
        buildFinding({
          rule: 'no-held-out-evaluation',
          file: trainEval.file,
          line: trainEval.x.line,
          title: 'Metrics computed on the training data only',
          issue: `\`${trainEval.x.metric}\` is computed on the rows the model was trained on, and ${nothingHeldOut}.`,
          impact: 'Training-set scores reward memorisation: the number says nothing about performance on new data and can hide severe overfitting.',
          fix: 'Hold out a test set (train_test_split before fitting) or cross-validate, and report metrics on rows the model never saw.',
          fixed: dedent(swapPart(linesOf(trainEval.file, trainEval.x.line), 'train', 'test')),
          // Other models scored on their training rows (a grid after a reference model) are the same root cause.
          sites: evals.slice(1).filter((e) => e.x.line !== trainEval.x.line).slice(0, 3).map((e) => ({ file: e.file.path, line: e.x.line })),
        }),
      );
    } else {
      // A network run on its own training rows after training (`mean_dice(model, eval_loader)`) is where it is judged.
      const scored = all((f) => f.facts!.trainedRowsScored)[0];
      const fit = fits[0];
      const file = scored?.file ?? fit?.file ?? code.find((f) => /\.backward\(/.test(f.source.code ?? ''))!.source;
      const trainedAt = scored?.x ?? fit?.x.line ?? lineOf(file, /\.backward\(/);
      // A torch loop with no held-out rows, then `model.eval()` and metrics: the evaluation is where it is judged.
      const evaluatedAt = !scored && !fit ? lineAfter(file, trainedAt, /^\s*\w+(\.\w+)*\.eval\(\)\s*$/) : undefined;
      const line = evaluatedAt ?? trainedAt;
      out.push(
        buildFinding({
          rule: 'no-held-out-evaluation',
          file,
          line,
          issue: scored
            ? 'After training, the model is run here on the same rows it was trained on, and no rows are held out: there is no split, cross-validation, validation or test data anywhere in the project.'
            : evaluatedAt
              ? `The model trained at line ${trainedAt} is evaluated here, but no rows are held out: there is no split, cross-validation, validation or test data anywhere in the project, so these are the training rows.`
              : 'The model is trained, but no rows are held out: there is no split, cross-validation, validation or test data anywhere in the project.',
          ...(evaluatedAt ? { sites: [{ file: file.path, line: trainedAt }] } : {}),
          impact: 'Nothing measures how the model does on data it has not seen, so overfitting and leakage go unnoticed.',
          fix: 'Split off a test set before training (and a validation set for tuning), or cross-validate, and report metrics on the held-out rows.',
        }),
      );
    }
  }

  // Models built out of sight (a registry of factories, a config-chosen class) still show in what the code constructs.
  const built = all((f) => f.facts!.estimators).filter((e) => e.x.kind === 'model' && !e.x.deep);
  const classification =
    fits.some((f) => isClassifierName(f.x.est.cls) || f.x.est.classification === true || f.x.est.inner.some(isClassifierName)) ||
    (fits.length === 0 && built.length > 0 && built.every((e) => isClassifierName(e.x.cls))) ||
    /CrossEntropyLoss|BCELoss|BCEWithLogitsLoss|NLLLoss|crossentropy|binary_cross_entropy/.test(texts) ||
    // AutoML front ends told the task (`automl.fit(X, y, task="classification")`, AutoGluon's `problem_type="binary"`).
    /\b(task|problem_type)\s*=\s*["'](classification|binary|multiclass)["']/.test(texts);
  // (Or the notes say so: "about 3% of player-weeks are positive", "roughly 1 in 6 admissions".)
  // ("Positives are ~1.8% of impressions"; `class_weight="balanced"` is set because the classes are not.)
  const hints =
    all((f) => f.facts!.imbalanceHints).length > 0 ||
    /imbalanc|\b\d{1,2}(\.\d+)?\s*%\s+(of\s+[\w\- ]+?\s+)?(are\s+)?(positive|positives|minority)\b|\b(positives|minority class)\s+(are|is|make up)\s+(only\s+)?(about\s+|~)?\d{1,2}(\.\d+)?\s*%|\b1 in \d{1,3}\b|class_weight\s*=\s*["']balanced/i.test(texts);
  // A functional loss (`F.cross_entropy(logits, y, weight=w)`) marks a classifier too; without signs of imbalance
  // such code is mostly a balanced benchmark, where accuracy is the metric everyone reports.
  const torchClassifier = hints && /\b(cross_entropy|nll_loss)\(/.test(texts);

  // Accuracy alone.
  const accuracy = evals.filter((e) => e.x.kind === 'accuracy');
  // `trainer.test(...)` (Lightning, Hugging Face) runs the metrics the module logs: it is no metric of its own.
  const otherMetric = evals.some((e) => e.x.kind !== 'accuracy' && !/^trainer\./.test(e.x.metric));
  // (`SGDClassifier(loss="log_loss")` names the training objective, not a reported metric.)
  const metricText = stripComments(texts).replace(/\b(loss|criterion|objective)\s*=\s*["'][\w-]+["']/g, '');
  if ((classification || torchClassifier) && accuracy.length > 0 && !otherMetric && !OTHER_METRIC_TEXT.test(metricText)) {
    // Cite the reported (test) accuracy when there is one: per-epoch validation accuracy is a site.
    const first = accuracy.find((e) => e.x.part === 'test') ?? accuracy[0]!;
    out.push(
      buildFinding({
        rule: 'accuracy-only',
        file: first.file,
        line: first.x.line,
        severity: hints ? 'HIGH' : 'MEDIUM',
        issue: `Accuracy is the only metric of this classifier${hints ? ', and the code shows the classes are imbalanced' : ''}.`,
        impact: hints ? 'With imbalanced classes a model that always predicts the majority class scores high accuracy; the minority class performance is invisible.' : 'Accuracy hides which classes fail and how confident the model is; two very different models can have the same accuracy.',
        fix: 'Report precision, recall and F1 per class (classification_report), plus ROC-AUC or PR-AUC from predicted probabilities.',
        fixed: metricRewrite(first.file, first.x),
        sites: accuracy.filter((a) => a !== first).slice(0, 9).map((a) => ({ file: a.file.path, line: a.x.line })),
      }),
    );
  }

  // Splits of classification data without stratify.
  for (const { source, facts } of code) {
    const splits = facts!.splits.filter((s) => s.fn === 'train_test_split' && s.shuffled && !s.stratified && !s.timeOrdered && s.usedBy.has('classifier') && !s.usedBy.has('regressor'));
    const first = splits[0];
    if (!first) continue;
    const current = linesOf(source, first.line, first.endLine);
    const y = /train_test_split\(\s*[^,]+,\s*([\w.[\]'"]+)/.exec(current.replace(/\n\s*/g, ' '))?.[1] ?? 'y';
    out.push(
      buildFinding({
        rule: 'split-without-stratify',
        file: source,
        line: first.line,
        endLine: first.endLine,
        issue: 'This shuffled train/test split of classification data does not pass `stratify=`.',
        impact: 'Class proportions differ between train and test by chance, which makes scores noisier and, with rare classes, can leave a class (almost) absent from the test set.',
        fix: `Pass \`stratify=${y}\` so both parts keep the class proportions.`,
        fixed: dedent(addKwarg(current, `stratify=${y}`)),
        sites: splits.slice(1).map((s) => ({ file: source.path, line: s.line })),
      }),
    );
  }

  // No baseline.
  // A fine-tuned pretrained checkpoint is compared with that checkpoint's published numbers more often than
  // with a dummy model: no-baseline is not asked of it.
  const evaluatedModels = fits.filter((f) => (f.x.est.kind === 'model' || f.x.est.kind === 'pipeline' || f.x.est.kind === 'search') && !/from_pretrained|^Trainer$/.test(f.x.est.cls));
  // A network compared with a classical model (a random forest on MFCCs next to the CNN): that model is the
  // baseline; so is whatever lives in a file named for it (`mfcc_svm_baseline.py`).
  const networkTrained = torchTraining || fits.some((f) => f.x.est.deep === true);
  const hasBaseline =
    evaluatedModels.some((f) => isBaseline(f.x)) ||
    // A simple model built beside the others in a factory (`build("logreg")` / `build("xgb")`), even where the
    // dataflow saw only one branch's model fitted.
    (evaluatedModels.length > 0 && built.some((e) => BASELINE_MODELS.has(e.x.cls))) ||
    evals.some((e) => e.x.baseline) ||
    BASELINE_TEXT.test(texts) ||
    (networkTrained && evaluatedModels.some((f) => !f.x.est.deep)) ||
    code.some((f) => /baseline/i.test(f.source.path));
  if (heldOut && evaluatedModels.length > 0 && !hasBaseline && (evals.length > 0 || all((f) => f.facts!.cvLines).length > 0)) {
    const first = evaluatedModels[0]!;
    const est = first.x.est;
    out.push(
      buildFinding({
        rule: 'no-baseline',
        file: first.file,
        line: est.line,
        endLine: est.endLine,
        issue: `${est.cls}${est.inner.length ? ` (${est.inner.join(', ')})` : ''} is evaluated without any baseline (a Dummy* model or a simple linear model) to compare against.`,
        impact: 'Without a baseline there is no way to tell whether the model learned anything beyond the class prior or the mean.',
        fix: `Fit and score a ${classification ? 'DummyClassifier(strategy="most_frequent") and a LogisticRegression' : 'DummyRegressor() and a LinearRegression/Ridge'} on the same split and report them next to the model.`,
        fixed: classification
          ? 'baseline = DummyClassifier(strategy="most_frequent").fit(X_train, y_train)\nprint("baseline:", baseline.score(X_test, y_test))'
          : 'baseline = DummyRegressor(strategy="mean").fit(X_train, y_train)\nprint("baseline R2:", baseline.score(X_test, y_test))',
      }),
    );
  }

  // Default threshold.
  const thresholds = all((f) => f.facts!.defaultThresholds);
  // A 0.5 cut shown next to a threshold-free metric (ROC-AUC, average precision, log loss, Brier) is a
  // convenience view: the model is not judged at that cut alone.
  const thresholdFree = evals.some((e) => /roc_auc|average_precision|log_loss|brier/.test(e.x.metric));
  if (thresholds.length > 0 && !thresholdFree && !evals.some((e) => e.x.kind === 'threshold-curve') && !THRESHOLD_TUNING_TEXT.test(texts)) {
    const first = thresholds[0]!;
    out.push(
      buildFinding({
        rule: 'default-threshold',
        file: first.file,
        line: first.x.line,
        endLine: first.x.endLine,
        issue: `Probabilities are turned into classes with the default cut-off (\`${first.x.text}\`), and no threshold is tuned.`,
        impact: 'A cut-off of 0.5 is rarely the best operating point, especially with imbalanced classes or unequal error costs; precision and recall are left to chance.',
        fix: 'Choose the threshold on validation data (precision_recall_curve / roc_curve, or TunedThresholdClassifierCV) for the metric that matters, then apply it to the test set.',
        fixed: dedent(linesOf(first.file, first.x.line, first.x.endLine).replace(/(>=?|<=?)\s*0\.5\b/, '$1 threshold')),
        sites: thresholds.slice(1).map((t) => ({ file: t.file.path, line: t.x.line })),
      }),
    );
  }
  return out;
}

function isBaseline(fit: FitFact): boolean {
  return BASELINE_MODELS.has(fit.est.cls) || fit.est.inner.some((c) => BASELINE_MODELS.has(c));
}

function metricRewrite(file: SourceFile, e: EvalFact): string | undefined {
  const current = linesOf(file, e.line);
  const m = /accuracy_score\(\s*([^,]+),\s*([^)]+\)?)\)/.exec(current);
  // The added line takes the indentation of the metric's own line (it may sit inside a loop).
  const indent = /^[ \t]*/.exec(current)?.[0] ?? '';
  if (m) return dedent(`${current}\n${indent}print(classification_report(${m[1]}, ${m[2]}))`);
  return undefined;
}

/** The first line after `after` that matches. */
function lineAfter(file: SourceFile, after: number, re: RegExp): number | undefined {
  const i = file.lines.findIndex((l, k) => k >= after && re.test(l));
  return i >= 0 ? i + 1 : undefined;
}

function lineOf(file: SourceFile, re: RegExp): number {
  return lineAfter(file, 0, re) ?? 1;
}

/** Code without comments and import lines (an imported but unused metric proves nothing). */
function stripComments(text: string): string {
  return text.replace(/#.*$/gm, '').replace(/^\s*(from\s+\S+\s+)?import\s.*$/gm, '');
}

/** Labels scored that come from other sources than every fitted row (a second file loaded for evaluation). */
function scoredOnOtherRows(facts: NonNullable<AnalysedFile['facts']>): boolean {
  const fitted = [...facts.fits.map((f) => f.origins), ...facts.trainedOn.map((t) => t.origins)];
  if (fitted.length === 0 || fitted.some((o) => !o || o.length === 0)) return false;
  const seen = new Set(fitted.flatMap((o) => [...(o ?? [])]));
  return facts.evals.some((e) => e.origins !== undefined && e.origins.length > 0 && e.origins.every((o) => !seen.has(o)));
}
