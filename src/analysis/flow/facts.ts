// What one pass of the dataflow over a file records; the rules turn these facts into findings.
import type { Part } from './knowledge.js';
import type { Estimator, LabelSource, Leak, TimeEvidence, Val } from './values.js';

export interface LeakSink {
  leak: Leak;
  /** Where the tainted rows were split, cross-validated or transformed. */
  line: number;
  kind: 'split' | 'cv' | 'transform' | 'search';
  /** Names the split assigned the train and test rows to, when known. */
  trainName?: string;
  testName?: string;
  /** The splitting statement's text. */
  sinkText?: string;
  /** The file of the sink when it is not the leak's file. */
  sinkFile?: string;
}

export interface TestFit {
  line: number;
  endLine: number;
  cls: string;
  method: string;
  part: Part;
  /** The data expression text, e.g. `X_test`. */
  dataText: string;
  estText: string;
  /** Replaces "the test rows" in the issue when the fit data only includes them. */
  note?: string;
  /** Fits that share one root cause (the same combined frame, the same helper call) carry the same group. */
  group?: number;
  /** The helper call that passed the held-out rows in (`prepare(test_df)`), cited instead of the fit inside. */
  via?: string;
  /** The fit inside the helper (and the helper's other fits), when the call site is cited. */
  sites?: { file: string; line: number }[];
  /** Train and test rows fitted together: reported only once what it learned reaches a model (not for a plot). */
  pending?: { used: boolean };
}

export interface Selection {
  line: number;
  endLine: number;
  kind: 'search-on-test' | 'validation-data' | 'val-dataloaders' | 'eval-set' | 'eval-dataset' | 'keep-best' | 'pick-best' | 'compare-scores' | 'threshold';
  detail: string;
  sites: number[];
  /** Places in other files (the helper that stops early on what its caller handed it). */
  elsewhere?: { file: string; line: number }[];
}

/** A choice made on held-out rows that are not named as the test set (validation rows, an "eval" loader): a selection on
 *  the test set only when nothing else is held out and those rows are then reported (see rules/only-held-out.ts). */
export interface HeldOutChoice extends Selection {
  part: Part | undefined;
  origins: readonly number[];
  /** Scores of those rows after this line are what the project reports (the end of the loop that chose). */
  after: number;
}

export interface TimeSplit {
  line: number;
  endLine: number;
  evidence: TimeEvidence;
  how: string;
  /** Other lines of the same split (where shuffled indices cut the rows). */
  sites?: number[];
  /** Places in other files (the helper that built the folds). */
  elsewhere?: { file: string; line: number }[];
}

export interface SplitFact {
  id: number;
  line: number;
  endLine: number;
  fn: string;
  shuffled: boolean;
  seeded: boolean;
  stratified: boolean;
  /** Estimator kinds later fitted on its rows. */
  usedBy: Set<'classifier' | 'regressor' | 'other'>;
  timeOrdered: boolean;
}

export interface EvalFact {
  line: number;
  part: Part | undefined;
  metric: string;
  kind: 'accuracy' | 'other' | 'threshold-curve';
  /** Scores something that is not a model's prediction (a naive forecast, the training mean): a baseline. */
  baseline?: boolean;
  /** Sources of the true labels scored (within this file's run). */
  origins?: readonly number[];
  /** Computed inside a helper: the outermost call that ran it (`evaluator.score(model)`), where the rows were chosen. */
  calledAt?: { file: string; line: number; endLine: number };
  /** The frame the true labels were taken from, as written (`utterances` of `utterances["intent"]`). */
  truthFrom?: string;
}

export interface FitFact {
  line: number;
  endLine: number;
  est: Estimator;
  part: Part | undefined;
  splitIds: number[];
  /** Sources of the fitted rows (within this file's run). */
  origins?: readonly number[];
  /** The fitted rows themselves, for rows of no traced source (`model.predict(X)` after `model.fit(X, y)`). */
  rows?: Val;
  /** The frame the labels were taken from, as written (`utterances` of `utterances["intent"]`). */
  labelsFrom?: string;
}

export interface FileFacts {
  leakSinks: LeakSink[];
  testFits: TestFit[];
  selections: Selection[];
  timeSplits: TimeSplit[];
  splits: SplitFact[];
  /** Splitters and CV objects that shuffle without a seed. */
  unseededSplitters: { line: number; cls: string }[];
  /** Calls whose keyword arguments are a settings mapping read here, naming no seed (`SGDClassifier(**cfg["sgd"])`). */
  seedlessSettings: number[];
  evals: EvalFact[];
  heldOutChoices: HeldOutChoice[];
  /** Rows of a part named or read as the test set were seen (`X_test`, `test.csv`, `split="test"`). */
  testRows: boolean;
  fits: FitFact[];
  /** CV functions and searches used (manage their own held-out folds). */
  cvLines: number[];
  /** Rows of validation or test data given to a model (predict, score, evaluate, forward). */
  heldOutUses: number[];
  /** Explicit comparisons of predicted probabilities with 0.5. */
  defaultThresholds: { line: number; endLine: number; text: string }[];
  /** Estimators constructed, for baseline and default-hyperparameter checks. */
  estimators: Estimator[];
  imbalanceHints: number[];
  /** Calls of functions the analyzer cannot follow that receive a trained model (they may evaluate it). */
  unknownModelUses: number[];
  /** Origins of the rows a network's training loop (one that calls backward) runs forward passes on. */
  trainedOn: { origins: readonly number[]; part: Part | undefined }[];
  /** Where a model is run, outside training, on the rows it was trained on (the call that did it, in a helper). */
  trainedRowsScored: number[];
  /** Keras-style fit calls (model.fit with epochs/validation/callbacks). */
  /** `refit`: after a validated fit, the release model trained on all rows (or for the epochs that fit found). */
  kerasFits: { line: number; endLine: number; validation: boolean; earlyStopping: boolean; refit?: boolean }[];
  /** Labels computed from a column that stays among the inputs of a model fitted on them (cited in the label's file). */
  labelLeaks: (LabelSource & { pickFile: string; pickLine: number; itself?: boolean; fitFile: string; fitLine: number; fromLabel?: boolean })[];
}

export function emptyFacts(): FileFacts {
  return {
    leakSinks: [],
    testFits: [],
    selections: [],
    timeSplits: [],
    seedlessSettings: [],
    splits: [],
    unseededSplitters: [],
    evals: [],
    heldOutChoices: [],
    testRows: false,
    fits: [],
    cvLines: [],
    heldOutUses: [],
    defaultThresholds: [],
    estimators: [],
    imbalanceHints: [],
    unknownModelUses: [],
    trainedOn: [],
    trainedRowsScored: [],
    kerasFits: [],
    labelLeaks: [],
  };
}
