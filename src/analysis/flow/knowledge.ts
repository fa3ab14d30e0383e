// What the analyzer knows about the ML libraries it reads: which classes learn state from data,
// which produce rows, which split, which score. Names are matched on the last dotted segment so
// `preprocessing.StandardScaler` and `from sklearn.preprocessing import StandardScaler` agree.

/** Transformers whose fit learns statistics of the rows it sees (a leak when those rows include test rows). */
export const STATEFUL_PREPROCESSORS = new Set([
  'StandardScaler', 'MinMaxScaler', 'RobustScaler', 'MaxAbsScaler', 'QuantileTransformer', 'PowerTransformer',
  'SimpleImputer', 'KNNImputer', 'IterativeImputer', 'MissingIndicator',
  'OneHotEncoder', 'OrdinalEncoder', 'LabelEncoder', 'LabelBinarizer', 'MultiLabelBinarizer', 'TargetEncoder',
  'BinaryEncoder', 'WOEEncoder', 'CatBoostEncoder', 'LeaveOneOutEncoder', 'JamesSteinEncoder', 'MEstimateEncoder',
  'CountEncoder', 'HashingEncoder', 'HelmertEncoder', 'BackwardDifferenceEncoder', 'GLMMEncoder', 'QuantileEncoder',
  'KBinsDiscretizer', 'PolynomialFeatures', 'SplineTransformer',
  'PCA', 'TruncatedSVD', 'KernelPCA', 'IncrementalPCA', 'SparsePCA', 'FastICA', 'NMF', 'FactorAnalysis',
  'LatentDirichletAllocation', 'Isomap', 'UMAP',
  'SelectKBest', 'SelectPercentile', 'SelectFpr', 'SelectFdr', 'SelectFwe', 'GenericUnivariateSelect', 'RFE', 'RFECV',
  'SelectFromModel', 'VarianceThreshold', 'SequentialFeatureSelector',
  'CountVectorizer', 'TfidfVectorizer', 'TfidfTransformer', 'DictVectorizer', 'Tokenizer', 'TextVectorization',
  'Normalization', 'StringLookup', 'IntegerLookup', 'ColumnTransformer',
]);

/** Encoders meant for labels: fitting them on the full target is harmless. */
export const LABEL_ENCODERS = new Set(['LabelEncoder', 'LabelBinarizer', 'MultiLabelBinarizer']);

export const OVERSAMPLERS = new Set([
  'SMOTE', 'ADASYN', 'BorderlineSMOTE', 'SVMSMOTE', 'KMeansSMOTE', 'SMOTENC', 'SMOTEN', 'RandomOverSampler',
  'SMOTETomek', 'SMOTEENN',
]);

export const UNDERSAMPLERS = new Set([
  'RandomUnderSampler', 'NearMiss', 'TomekLinks', 'EditedNearestNeighbours', 'ClusterCentroids', 'CondensedNearestNeighbour',
  'OneSidedSelection', 'NeighbourhoodCleaningRule', 'InstanceHardnessThreshold',
]);

export const SEARCHERS = new Set([
  'GridSearchCV', 'RandomizedSearchCV', 'HalvingGridSearchCV', 'HalvingRandomSearchCV', 'BayesSearchCV', 'TuneSearchCV',
  'TuneGridSearchCV',
]);

export const PIPELINES = new Set(['Pipeline', 'make_pipeline', 'ImbPipeline']);

export const CLASSIFIERS = new Set([
  'LogisticRegression', 'LogisticRegressionCV', 'SVC', 'LinearSVC', 'NuSVC', 'GaussianNB', 'MultinomialNB', 'BernoulliNB',
  'ComplementNB', 'CategoricalNB', 'Perceptron', 'LinearDiscriminantAnalysis', 'QuadraticDiscriminantAnalysis',
]);

export const REGRESSORS = new Set([
  'LinearRegression', 'Ridge', 'RidgeCV', 'Lasso', 'LassoCV', 'ElasticNet', 'ElasticNetCV', 'SVR', 'LinearSVR', 'NuSVR',
  'BayesianRidge', 'HuberRegressor', 'Lars', 'LassoLars', 'PoissonRegressor', 'TweedieRegressor', 'GammaRegressor',
  'KernelRidge', 'ARDRegression', 'TheilSenRegressor', 'RANSACRegressor', 'QuantileRegressor', 'OrthogonalMatchingPursuit',
]);

/** Survival models (lifelines, scikit-survival): scored by concordance or Brier scores, never by accuracy. */
export const SURVIVAL_MODELS = new Set([
  'CoxPHFitter', 'WeibullAFTFitter', 'LogNormalAFTFitter', 'LogLogisticAFTFitter', 'AalenAdditiveFitter', 'CRCSplineFitter',
  'RandomSurvivalForest', 'ExtraSurvivalTrees', 'GradientBoostingSurvivalAnalysis', 'ComponentwiseGradientBoostingSurvivalAnalysis',
  'CoxPHSurvivalAnalysis', 'CoxnetSurvivalAnalysis', 'FastSurvivalSVM', 'FastKernelSurvivalSVM', 'IPCRidge',
]);

/** Simple models that serve as a baseline when compared with something more complex. */
export const BASELINE_MODELS = new Set([
  'DummyClassifier', 'DummyRegressor', 'LogisticRegression', 'LogisticRegressionCV', 'LinearRegression', 'Ridge', 'RidgeCV',
  'Lasso', 'LassoCV', 'ElasticNet', 'GaussianNB', 'MultinomialNB', 'BernoulliNB', 'ComplementNB', 'RidgeClassifier',
  'SGDClassifier', 'SGDRegressor', 'LinearSVC', 'Perceptron',
]);

/** Estimators with influential hyperparameters whose defaults are rarely right for a given problem. */
export const TUNABLE_MODELS = new Set([
  'RandomForestClassifier', 'RandomForestRegressor', 'ExtraTreesClassifier', 'ExtraTreesRegressor',
  'GradientBoostingClassifier', 'GradientBoostingRegressor', 'HistGradientBoostingClassifier', 'HistGradientBoostingRegressor',
  'XGBClassifier', 'XGBRegressor', 'XGBRFClassifier', 'LGBMClassifier', 'LGBMRegressor', 'CatBoostClassifier',
  'CatBoostRegressor', 'SVC', 'SVR', 'MLPClassifier', 'MLPRegressor', 'KNeighborsClassifier', 'KNeighborsRegressor',
  'DecisionTreeClassifier', 'DecisionTreeRegressor', 'AdaBoostClassifier', 'AdaBoostRegressor',
]);

/** Keyword arguments that do not change what the model learns. */
export const NON_HYPERPARAMETERS = new Set(['random_state', 'n_jobs', 'verbose', 'verbosity', 'seed', 'random_seed', 'silent', 'device', 'tree_method', 'enable_categorical', 'use_label_encoder', 'eval_metric', 'objective', 'thread_count', 'task_type', 'logging_level', 'probability', 'class_weight', 'scale_pos_weight']);

export const SPLITTER_CLASSES = new Set([
  'KFold', 'StratifiedKFold', 'GroupKFold', 'StratifiedGroupKFold', 'RepeatedKFold', 'RepeatedStratifiedKFold',
  'ShuffleSplit', 'StratifiedShuffleSplit', 'GroupShuffleSplit', 'TimeSeriesSplit', 'LeaveOneOut', 'LeavePOut',
  'LeaveOneGroupOut', 'PredefinedSplit',
]);

/** Splitters that always shuffle (and so need a seed and are wrong for time-ordered rows). */
export const ALWAYS_RANDOM_SPLITTERS = new Set(['ShuffleSplit', 'StratifiedShuffleSplit', 'GroupShuffleSplit', 'RepeatedKFold', 'RepeatedStratifiedKFold']);

/** Functions that split or resample internally and evaluate on held-out folds. */
export const CV_FUNCTIONS = new Set([
  'cross_val_score', 'cross_validate', 'cross_val_predict', 'learning_curve', 'validation_curve', 'permutation_test_score',
]);

/** Functions returning rows of a dataset. */
export const LOADERS = new Set([
  'read_csv', 'read_parquet', 'read_excel', 'read_json', 'read_feather', 'read_pickle', 'read_table', 'read_sql',
  'read_sql_query', 'read_hdf', 'read_orc', 'loadtxt', 'genfromtxt', 'load_dataset', 'load_from_disk', 'fetch_openml',
  'DataFrame', 'image_dataset_from_directory', 'text_dataset_from_directory', 'ImageFolder', 'TensorDataset',
  'make_classification', 'make_regression', 'make_blobs', 'make_moons', 'make_circles',
  'scan_parquet', 'scan_csv', 'read_ipc', 'read_delta', 'loadmat',
  // PyTorch Geometric and OGB graph datasets.
  'Planetoid', 'Amazon', 'Coauthor', 'CitationFull', 'WikiCS', 'Reddit', 'Reddit2', 'Flickr', 'Yelp', 'PPI', 'TUDataset',
  'MoleculeNet', 'QM9', 'ZINC', 'PygNodePropPredDataset', 'PygGraphPropPredDataset', 'PygLinkPropPredDataset', 'EllipticBitcoinDataset',
]);

/** Scalar-producing statistics over rows. */
export const STAT_METHODS = new Set(['mean', 'median', 'std', 'var', 'min', 'max', 'quantile', 'mode', 'nunique', 'value_counts', 'agg', 'aggregate', 'sem', 'skew', 'mad']);

/** Methods that only make sense on time-ordered rows. */
export const TIME_METHODS = new Set(['shift', 'rolling', 'diff', 'pct_change', 'ewm', 'expanding', 'resample', 'asfreq', 'tshift']);

/** Methods that return the receiver's rows (or a column subset) unchanged in kind. */
export const ROW_PRESERVING_METHODS = new Set([
  'copy', 'drop', 'dropna', 'astype', 'reset_index', 'set_index', 'sort_values', 'sort_index', 'rename', 'filter',
  'select_dtypes', 'head', 'tail', 'to_numpy', 'values', 'reshape', 'flatten', 'ravel', 'squeeze', 'unsqueeze', 'float',
  'double', 'long', 'to', 'cuda', 'cpu', 'numpy', 'tolist', 'assign', 'apply', 'map', 'replace', 'clip', 'fillna',
  'interpolate', 'bfill', 'ffill', 'pipe', 'query', 'loc', 'iloc', 'where', 'mask', 'abs', 'round', 'transpose', 'T',
  'get_dummies', 'merge', 'join', 'explode', 'melt', 'pivot', 'pivot_table', 'stack', 'unstack', 'dropna', 'detach',
  'view', 'permute', 'tensor', 'from_numpy', 'array', 'asarray', 'log', 'log1p', 'sqrt', 'exp', 'expand_dims', 'squeeze',
  'cat', 'take', 'sample', 'nlargest', 'nsmallest', 'drop_duplicates', 'isin', 'str', 'dt', 'cumsum', 'sum',
]);

export const METRIC_FUNCTIONS: Record<string, 'accuracy' | 'other' | 'threshold-curve'> = {
  accuracy_score: 'accuracy',
  balanced_accuracy_score: 'other',
  f1_score: 'other',
  fbeta_score: 'other',
  precision_score: 'other',
  recall_score: 'other',
  roc_auc_score: 'other',
  average_precision_score: 'other',
  log_loss: 'other',
  classification_report: 'other',
  confusion_matrix: 'other',
  matthews_corrcoef: 'other',
  cohen_kappa_score: 'other',
  precision_recall_fscore_support: 'other',
  brier_score_loss: 'other',
  hamming_loss: 'other',
  jaccard_score: 'other',
  top_k_accuracy_score: 'other',
  mean_squared_error: 'other',
  mean_absolute_error: 'other',
  root_mean_squared_error: 'other',
  mean_absolute_percentage_error: 'other',
  median_absolute_error: 'other',
  r2_score: 'other',
  concordance_index: 'other',
  concordance_index_censored: 'other',
  concordance_index_ipcw: 'other',
  integrated_brier_score: 'other',
  cumulative_dynamic_auc: 'other',
  explained_variance_score: 'other',
  mean_squared_log_error: 'other',
  mean_pinball_loss: 'other',
  mean_poisson_deviance: 'other',
  mean_gamma_deviance: 'other',
  mean_tweedie_deviance: 'other',
  max_error: 'other',
  d2_absolute_error_score: 'other',
  ndcg_score: 'other',
  dcg_score: 'other',
  label_ranking_average_precision_score: 'other',
  label_ranking_loss: 'other',
  coverage_error: 'other',
  roc_curve: 'threshold-curve',
  precision_recall_curve: 'threshold-curve',
  det_curve: 'threshold-curve',
  ConfusionMatrixDisplay: 'other',
  RocCurveDisplay: 'threshold-curve',
  PrecisionRecallDisplay: 'threshold-curve',
};

export const SEED_FUNCTIONS = /(^|\.)(seed|manual_seed|manual_seed_all|set_seed|set_random_seed|seed_everything|seed_all)$/;

export function isClassifierName(cls: string): boolean {
  return /Classifier$/.test(cls) || CLASSIFIERS.has(cls) || cls === 'RidgeClassifier' || cls === 'SGDClassifier';
}

export function isRegressorName(cls: string): boolean {
  return /Regressor$/.test(cls) || REGRESSORS.has(cls);
}

/** A CamelCase constructor that looks like an estimator (model) of a common library. */
/** Collaborative-filtering models of `implicit` and LightFM: fitted on a user-item interaction matrix. */
export const RECOMMENDERS = new Set([
  'AlternatingLeastSquares', 'BayesianPersonalizedRanking', 'LogisticMatrixFactorization', 'LightFM',
  'ItemItemRecommender', 'CosineRecommender', 'BM25Recommender', 'TFIDFRecommender',
]);

export function isModelName(cls: string): boolean {
  return (
    isClassifierName(cls) ||
    isRegressorName(cls) ||
    TUNABLE_MODELS.has(cls) ||
    SURVIVAL_MODELS.has(cls) ||
    /^(XGB|LGBM|CatBoost)/.test(cls) ||
    ['KMeans', 'IsolationForest', 'Sequential', 'DBSCAN', 'GaussianMixture', 'NearestNeighbors', 'OneClassSVM'].includes(cls) ||
    RECOMMENDERS.has(cls)
  );
}

/** Names of metrics other than accuracy, as variables or dict keys hold them (`val_f1`, `rmse`, `"r2"`). */
export const METRIC_NAME = /f1|auc|precision|recall|mcc|kappa|qini|gini|ndcg|(^|_)(mae|rmse|mse|mape|smape|r2|rmsle|mrr|map|bleu|brier|logloss|log_loss|roi|pnl|profit)(_|@|$)/i;

/** A column named for an evaluation metric (`accuracy`, `test_auc`, `tpr`): it holds scores, not features. */
export function isMetricColumn(column: string): boolean {
  return METRIC_NAME.test(column) || /(^|_)(acc|accuracy|tpr|fpr|tnr|fnr|error_rate)(_|$)/i.test(column);
}

/** A record's key that names a metric (`"val_acc"`, `"profit"`, `"tpr"`): the value kept under it is a score. */
export function isMetricKey(key: string): boolean {
  return /acc|loss|score/i.test(key) || isMetricColumn(key);
}

export type Part = 'full' | 'train' | 'val' | 'test';

const PART_HINT = /te|ts|holdout|va|vl|dev|tr|fit|cal|ext/i;

/** The part of the data a variable or file name announces (`X_test`, `val_loader`, `train.csv`, `fit_rows`). */
/** Words of A/B tests and uplift modelling, where "test" names an experiment and `tr`, `te`, `co` treated, effect, control. */
export const EXPERIMENT_CODE = /\b(treatment|treated|variant|control_group|uplift|cuped|cupac|ab_test|a\/b test|randomi[sz]ed (controlled )?trial|rct)\b/i;

/** `partFromName`, except that in experimentation code the abbreviations `tr`, `te`, `co` name no part. */
export function partFromNameIn(name: string, experiment: boolean): Part | undefined {
  if (experiment && /(^|_)(tr|te|co)(_|$)/i.test(name) && !/train|test|val/i.test(name)) return undefined;
  return partFromName(name);
}

/** `data.test_mask`, `split.val_idx` (PyTorch Geometric and the like): a mask or index array of one part's nodes or rows. */
export function maskOfPart(name: string): { indexPart: Part } | undefined {
  if (!/^(train|val|valid|validation|test|dev)_(mask|idx|index|nodes|node_idx|ids)$/i.test(name)) return undefined;
  const part = partFromName(name);
  return part ? { indexPart: part } : undefined;
}

export function partFromName(name: string): Part | undefined {
  // Most names hold none of the words: skip splitting them (this runs for every name evaluated).
  if (!PART_HINT.test(name)) return undefined;
  const words = nameWords(name);
  if (words.some((w) => w === 'test' || w === 'tst' || w === 'holdout' || w === 'te')) return 'test';
  // An external validation cohort (`X_ext`, `external_df`; a lone `ext` is more often a file extension).
  if (words.some((w) => w === 'external' || (w === 'ext' && words.length > 1))) return 'test';
  // A calibration set is held out like a validation set: calibrators and thresholds are fitted on it.
  if (words.some((w) => w === 'val' || w === 'valid' || w === 'validation' || w === 'dev' || w === 'development' || w === 'vl' || w === 'va' || w === 'cal' || w === 'calib' || w === 'calibration')) return 'val';
  if (words.some((w) => w === 'train' || w === 'training' || w === 'trn' || w === 'tr' || w === 'fit')) return 'train';
  return undefined;
}

/** `past = df[df.week < cut]`, `future = df[df.week >= cut]`: rows cut by time and named for it. */
export function temporalPart(name: string): Part | undefined {
  if (/^(past|hist|history|earlier|older|before)(_|$)/i.test(name)) return 'train';
  if (/^(fut|future|later|after|recent|latest|newer|oos|out_of_sample|oot|out_of_time|hold)(_|$)/i.test(name)) return 'test';
  return undefined;
}

/**
 * `dev` / `development` without a clearer word: a validation set to some, train+validation (the
 * "development" rows that are split again or refitted on) to others. Fits on such rows are not judged.
 */
export function isDevName(name: string): boolean {
  if (!/dev/i.test(name)) return false;
  const words = nameWords(name);
  return words.some((w) => w === 'dev' || w === 'development') && !words.some((w) => /^(val|valid|validation|vl|test|tst|holdout|te)$/.test(w));
}

function nameWords(name: string): string[] {
  return name
    // `Xtr`, `yte`, `Xva`: the matrix/target letter glued to the part.
    .replace(/^([xXyY])(?=(tr|trn|train|te|tst|test|va|val|valid|dev)(\d|_|$))/, '$1_')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+|(?<=[a-z])(?=\d)/)
    .filter(Boolean);
}

/**
 * Whether the file takes column `col` as its label: `y = tx["is_fraud"]`, `X, y = ..., tx["is_fraud"]`,
 * `TARGET = "is_fraud"`, `stratify=tx["is_fraud"]` (or the column is called so).
 */
export function isLabelColumn(text: string, col: string): boolean {
  if (/^(y|target|label|labels|class|outcome)$/i.test(col)) return true;
  if (!/^\w+$/.test(col)) return false;
  const quoted = `["']${col}["']`;
  const label = '(y|y_\\w+|\\w*(target|label)\\w*)';
  const assigned = new RegExp(`^[ \\t]*([\\w.]+[ \\t]*,[ \\t]*)*${label}[ \\t]*(,[ \\t]*[\\w.]+[ \\t]*)*=[^=\\n][^\\n]*\\[[ \\t]*${quoted}[ \\t]*\\]`, 'im');
  const named = new RegExp(`^[ \\t]*${label}[ \\t]*=[ \\t]*${quoted}[ \\t]*$`, 'im');
  // (Or handed to a fit as its labels: `clf.fit(train[FEATURES], train["injury_next_7d"])`.)
  const fitted = new RegExp(`\\.fit\\([^()]*?,\\s*[\\w.]+\\[[ \\t]*${quoted}[ \\t]*\\]`);
  return assigned.test(text) || named.test(text) || fitted.test(text) || new RegExp(`\\b(stratify|label|target)\\w*[ \\t]*=[ \\t]*\\w+\\[[ \\t]*${quoted}`, 'i').test(text);
}

/** Off-policy estimates of a bandit policy's value: what such a run reports and chooses by. */
export const POLICY_VALUE = /^(ips|snips|dr|doubly_robust|switch_dr|policy_value|estimated_value|expected_reward|mean_reward|avg_reward)$/i;

/** Expressions that make a date column: parsing, date arithmetic, another date column's values. */
export const DATE_VALUE = /\bto_datetime\(|datetime64|\bTimestamp\(|\bstrptime\(|\bfromtimestamp\(|\.dt\.(normalize|floor|ceil|round|tz_\w+|to_period|to_timestamp|date)\b|Timedelta|DateOffset|\boffsets\.|\[\s*["'][^"']*(date|time|_ts|_at)["']\s*\]/i;
