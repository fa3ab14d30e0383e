// The rule catalogue of the offline analyzer: one entry per rule id, with the checklist section of
// the model-trainer agent it belongs to and a wrong/right example. `review-agent rules` prints it
// and docs/rules.md is rendered from it.
import type { Severity } from '../../review/schema.js';

export type RuleCategory =
  | 'Data Preparation'
  | 'Model Selection'
  | 'Hyperparameter Tuning'
  | 'Training Rigor'
  | 'Evaluation'
  | 'Code Quality';

export interface Rule {
  id: string;
  title: string;
  /** The usual severity; a few rules raise or lower it with evidence (stated in `description`). */
  severity: Severity;
  category: RuleCategory;
  description: string;
  wrong: string;
  right: string;
}

export const RULES: readonly Rule[] = [
  {
    id: 'preprocessing-before-split',
    title: 'Preprocessing fitted before the train/test split',
    severity: 'CRITICAL',
    category: 'Data Preparation',
    description:
      'A scaler, imputer, encoder, discretizer, PolynomialFeatures, PCA/SVD, feature selector, text vectorizer, a transformer class of the project, normalisation statistics of the files a frame lists, or a pandas statistic (fillna(df.mean()), groupby target encoding, (x - x.mean()) / x.std()) is computed over rows that are split or cross-validated afterwards, so test rows shape the training features. Also target leakage through the inputs: a label computed from one column while that column (or the label itself) stays among the model\'s inputs.',
    wrong: 'X = StandardScaler().fit_transform(X)\nX_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)',
    right:
      'X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)\nscaler = StandardScaler().fit(X_train)\nX_train, X_test = scaler.transform(X_train), scaler.transform(X_test)',
  },
  {
    id: 'fit-on-test',
    title: 'Model or transformer fitted on test data',
    severity: 'CRITICAL',
    category: 'Data Preparation',
    description: 'fit, fit_transform or fit_resample is called on the test (or validation) part, so held-out rows are learned from.',
    wrong: 'X_train = scaler.fit_transform(X_train)\nX_test = scaler.fit_transform(X_test)',
    right: 'X_train = scaler.fit_transform(X_train)\nX_test = scaler.transform(X_test)',
  },
  {
    id: 'oversampling-before-split',
    title: 'Oversampling before the train/test split',
    severity: 'CRITICAL',
    category: 'Data Preparation',
    description:
      'SMOTE-family or random oversampling (or resample(replace=True)) creates synthetic or duplicated rows before the split or cross-validation, so copies of training rows end up in the test part.',
    wrong: 'X_res, y_res = SMOTE().fit_resample(X, y)\nX_train, X_test, y_train, y_test = train_test_split(X_res, y_res)',
    right: 'X_train, X_test, y_train, y_test = train_test_split(X, y, stratify=y, random_state=0)\nX_train, y_train = SMOTE(random_state=0).fit_resample(X_train, y_train)',
  },
  {
    id: 'test-set-selection',
    title: 'Test set used for model selection',
    severity: 'CRITICAL',
    category: 'Hyperparameter Tuning',
    description:
      'The test set steers choices: a *SearchCV fitted on it, Keras validation_data=test, XGBoost/LightGBM/CatBoost eval_set=test with early stopping, a loop that keeps the best test score, or several models compared on the test set before picking one. The reported test score is then optimistic.',
    wrong: 'for k in (1, 3, 5, 7):\n    acc = KNeighborsClassifier(k).fit(X_train, y_train).score(X_test, y_test)\n    if acc > best_acc:\n        best_acc, best_k = acc, k',
    right: 'search = GridSearchCV(KNeighborsClassifier(), {"n_neighbors": [1, 3, 5, 7]}, cv=5)\nsearch.fit(X_train, y_train)\nprint(search.score(X_test, y_test))  # once, at the end',
  },
  {
    id: 'shuffled-time-series-split',
    title: 'Random split of time-ordered data',
    severity: 'CRITICAL',
    category: 'Data Preparation',
    description:
      'Rows are time-ordered (a date index, rows sorted by date, shift/rolling/diff/pct_change/lag features) but split with a shuffling train_test_split, KFold(shuffle=True) or ShuffleSplit, so the model trains on the future and is tested on the past.',
    wrong: 'df["lag_1"] = df["sales"].shift(1)\nX_train, X_test, y_train, y_test = train_test_split(df[["lag_1"]], df["sales"], test_size=0.2)',
    right: 'df["lag_1"] = df["sales"].shift(1)\nX_train, X_test, y_train, y_test = train_test_split(df[["lag_1"]], df["sales"], test_size=0.2, shuffle=False)\n# or: cross_val_score(model, df[["lag_1"]], df["sales"], cv=TimeSeriesSplit(n_splits=5))',
  },
  {
    id: 'no-held-out-evaluation',
    title: 'No held-out evaluation',
    severity: 'HIGH',
    category: 'Evaluation',
    description: 'The model is trained and scored on the same rows (or never scored on rows it did not see); no split, cross-validation or validation data exists.',
    wrong: 'model.fit(X, y)\nprint(accuracy_score(y, model.predict(X)))',
    right: 'X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)\nmodel.fit(X_train, y_train)\nprint(accuracy_score(y_test, model.predict(X_test)))',
  },
  {
    id: 'missing-random-seed',
    title: 'Randomness without a seed',
    severity: 'HIGH',
    category: 'Training Rigor',
    description:
      'A shuffling split or CV object has no random_state, or numpy/random/torch/TensorFlow randomness (including DataLoader(shuffle=True)) runs without any seed being set (directly or through a set_seed-style helper), so results change from run to run.',
    wrong: 'X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2)',
    right: 'X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42)',
  },
  {
    id: 'unpinned-dependencies',
    title: 'Dependencies without pinned versions',
    severity: 'MEDIUM',
    category: 'Code Quality',
    description: 'A requirements file, pyproject.toml, setup.cfg/setup.py, environment.yml, Pipfile or a notebook `!pip install` names packages without exact versions and no lock file pins them.',
    wrong: 'scikit-learn\npandas>=1.5',
    right: 'scikit-learn==1.5.2\npandas==2.2.3',
  },
  {
    id: 'no-dependency-file',
    title: 'No dependency file',
    severity: 'MEDIUM',
    category: 'Code Quality',
    description: 'The code imports third-party packages but the project has no requirements.txt, pyproject.toml, setup.cfg/setup.py, environment.yml or Pipfile.',
    wrong: '# train.py imports numpy, pandas and sklearn; nothing records their versions',
    right: '# requirements.txt\nnumpy==2.1.3\npandas==2.2.3\nscikit-learn==1.5.2',
  },
  {
    id: 'accuracy-only',
    title: 'Accuracy is the only metric',
    severity: 'MEDIUM',
    category: 'Evaluation',
    description: 'A classifier is judged by accuracy alone. HIGH when the code shows class imbalance (class_weight, stratify, value_counts of the target, resampling), where accuracy hides a useless model.',
    wrong: 'print(accuracy_score(y_test, y_pred))',
    right: 'print(classification_report(y_test, y_pred))\nprint(roc_auc_score(y_test, model.predict_proba(X_test)[:, 1]))',
  },
  {
    id: 'split-without-stratify',
    title: 'Classification split without stratify',
    severity: 'MEDIUM',
    category: 'Data Preparation',
    description: 'A shuffled train_test_split of classification data has no stratify=, so class proportions differ between train and test.',
    wrong: 'X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)',
    right: 'X_train, X_test, y_train, y_test = train_test_split(X, y, stratify=y, random_state=0)',
  },
  {
    id: 'no-baseline',
    title: 'No baseline model',
    severity: 'MEDIUM',
    category: 'Model Selection',
    description: 'Only complex models are evaluated; nothing (DummyClassifier/DummyRegressor or a simple linear model) shows how much they add.',
    wrong: 'model = RandomForestClassifier(n_estimators=300).fit(X_train, y_train)\nprint(f1_score(y_test, model.predict(X_test)))',
    right: 'baseline = DummyClassifier(strategy="most_frequent").fit(X_train, y_train)\nprint(f1_score(y_test, baseline.predict(X_test)), f1_score(y_test, model.predict(X_test)))',
  },
  {
    id: 'default-threshold',
    title: 'Only the default 0.5 threshold',
    severity: 'MEDIUM',
    category: 'Evaluation',
    description: 'Predicted probabilities are cut at 0.5 and no threshold is tuned (no roc_curve/precision_recall_curve or threshold search).',
    wrong: 'y_pred = (model.predict_proba(X_test)[:, 1] > 0.5).astype(int)',
    right: 'prec, rec, thr = precision_recall_curve(y_val, model.predict_proba(X_val)[:, 1])\nthreshold = thr[np.argmax(2 * prec * rec / (prec + rec + 1e-12))]',
  },
  {
    id: 'missing-eval-mode',
    title: 'Evaluation without model.eval() / torch.no_grad()',
    severity: 'HIGH',
    category: 'Training Rigor',
    description: 'A PyTorch model is evaluated while still in training mode (dropout and batch norm active) or with gradients tracked, or it is put in eval mode and never switched back with model.train() before the next epoch.',
    wrong: 'for x, y in val_loader:\n    val_loss += criterion(model(x), y).item()',
    right: 'model.eval()\nwith torch.no_grad():\n    for x, y in val_loader:\n        val_loss += criterion(model(x), y).item()\nmodel.train()',
  },
  {
    id: 'missing-zero-grad',
    title: 'backward() without zero_grad()',
    severity: 'HIGH',
    category: 'Training Rigor',
    description: 'A training loop calls loss.backward() and optimizer.step() but never clears gradients inside the loop, so gradients accumulate across batches.',
    wrong: 'for x, y in loader:\n    loss = criterion(model(x), y)\n    loss.backward()\n    optimizer.step()',
    right: 'for x, y in loader:\n    optimizer.zero_grad()\n    loss = criterion(model(x), y)\n    loss.backward()\n    optimizer.step()',
  },
  {
    id: 'no-validation-loop',
    title: 'No validation during training',
    severity: 'MEDIUM',
    category: 'Training Rigor',
    description: 'A deep learning model trains for several epochs without looking at validation data (no validation loop, no validation_data/validation_split), so overfitting goes unnoticed.',
    wrong: 'model.fit(X_train, y_train, epochs=50)',
    right: 'model.fit(X_train, y_train, epochs=50, validation_split=0.2)',
  },
  {
    id: 'no-early-stopping',
    title: 'No early stopping or regularization',
    severity: 'MEDIUM',
    category: 'Training Rigor',
    description: 'A deep learning model trains for a fixed number of epochs with neither early stopping nor regularization (dropout, weight decay, kernel regularizers).',
    wrong: 'model.fit(X_train, y_train, epochs=200, validation_split=0.2)',
    right: 'stop = keras.callbacks.EarlyStopping(patience=5, restore_best_weights=True)\nmodel.fit(X_train, y_train, epochs=200, validation_split=0.2, callbacks=[stop])',
  },
  {
    id: 'no-checkpoint',
    title: 'No model checkpoint saved',
    severity: 'MEDIUM',
    category: 'Training Rigor',
    description: 'A deep learning training run never saves the model (torch.save, model.save, ModelCheckpoint, save_pretrained), so the trained weights are lost when the process ends.',
    wrong: 'for epoch in range(epochs):\n    train_one_epoch(model, loader)',
    right: 'for epoch in range(epochs):\n    train_one_epoch(model, loader)\n    torch.save(model.state_dict(), f"checkpoints/epoch_{epoch}.pt")',
  },
  {
    id: 'hardcoded-secret',
    title: 'Hardcoded secret',
    severity: 'HIGH',
    category: 'Code Quality',
    description: 'An API key or token (W&B, OpenAI, Hugging Face, AWS, Comet, Neptune or a *_API_KEY/*_TOKEN assignment) is written in the code. The finding never repeats the secret.',
    wrong: 'wandb.login(key="<40 hex characters>")',
    right: 'wandb.login(key=os.environ["WANDB_API_KEY"])',
  },
  {
    id: 'hardcoded-path',
    title: 'Hardcoded absolute path',
    severity: 'LOW',
    category: 'Code Quality',
    description: 'An absolute path of one machine (/home/..., /Users/..., C:\\..., /content/drive/...) is written in the code instead of coming from configuration or arguments.',
    wrong: 'df = pd.read_csv("/home/alice/data/train.csv")',
    right: 'parser.add_argument("--data", default="data/train.csv")\ndf = pd.read_csv(args.data)',
  },
  {
    id: 'default-hyperparameters',
    title: 'Model hyperparameters left at defaults',
    severity: 'LOW',
    category: 'Hyperparameter Tuning',
    description: 'A model with influential hyperparameters (random forests, boosting, SVMs, MLPs, k-NN, trees) is trained with library defaults and never tuned.',
    wrong: 'model = RandomForestClassifier()',
    right: 'search = RandomizedSearchCV(RandomForestClassifier(random_state=0), {"n_estimators": [200, 500], "max_depth": [None, 8, 16]}, cv=5)',
  },
  {
    id: 'syntax-error',
    title: 'File could not be parsed completely',
    severity: 'LOW',
    category: 'Code Quality',
    description: 'Part of a Python file or notebook cell is not valid Python, so the analyzer skipped what it could not parse.',
    wrong: 'print "accuracy", acc',
    right: 'print("accuracy", acc)',
  },
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}

/** The catalogue as Markdown (docs/rules.md is this text). */
export function renderRulesMarkdown(): string {
  const out = [
    '# Rules of the offline analyzer',
    '',
    'The offline provider (`--provider offline`, the default when no model is configured) is a static analyzer of ML training code. Each rule below has an id (use it with `disabledRules` / `--disable-rule`), a severity, the checklist section of the model-trainer agent it belongs to, and a wrong and a right example.',
    '',
    '| id | severity | section |',
    '| --- | --- | --- |',
    ...RULES.map((r) => `| [\`${r.id}\`](#${r.id}) | ${r.severity} | ${r.category} |`),
    '',
  ];
  for (const r of RULES) {
    out.push(`## ${r.id}`, '', `**${r.title}** — ${r.severity}, ${r.category}.`, '', r.description, '', 'Wrong:', '', '```python', r.wrong, '```', '', 'Right:', '', '```python', r.right, '```', '');
  }
  return out.join('\n');
}
