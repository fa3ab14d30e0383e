"""Does a bonsai survive 12 months after root pruning + repotting?  (~18% die)"""
import json

import numpy as np
import optuna
import polars as pl
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.impute import SimpleImputer
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_score, train_test_split
from sklearn.pipeline import make_pipeline

SEED = 1600
optuna.logging.set_verbosity(optuna.logging.WARNING)

trees = (
    pl.read_csv("nursery/repot_records.csv", try_parse_dates=True)
    .with_columns(
        (pl.col("roots_removed_g") / pl.col("rootball_g")).alias("root_cut_frac"),
        pl.col("trunk_diameter_mm").log1p().alias("log_trunk"),
        pl.col("repot_date").dt.month().alias("repot_month"),
        (pl.col("species") == "juniper").cast(pl.Int8).alias("is_juniper"),
        pl.col("soil_mix").str.contains("akadama").cast(pl.Int8).alias("akadama"),
    )
)
FEATS = ["root_cut_frac", "log_trunk", "repot_month", "is_juniper", "akadama", "tree_age_years",
         "pot_volume_l", "aftercare_shade_days", "prev_repots"]
X = trees.select(FEATS).to_numpy()
y = (trees.get_column("status_12m") == "dead").cast(pl.Int8).to_numpy()

X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.25, stratify=y, random_state=SEED)
folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)


def objective(trial):
    clf = HistGradientBoostingClassifier(
        learning_rate=trial.suggest_float("learning_rate", 0.01, 0.3, log=True),
        max_leaf_nodes=trial.suggest_int("max_leaf_nodes", 8, 64, log=True),
        min_samples_leaf=trial.suggest_int("min_samples_leaf", 5, 80),
        l2_regularization=trial.suggest_float("l2_regularization", 1e-4, 10, log=True),
        class_weight=trial.suggest_categorical("class_weight", [None, "balanced"]),
        random_state=SEED,
    )
    pipe = make_pipeline(SimpleImputer(strategy="median"), clf)
    return cross_val_score(pipe, X_tr, y_tr, cv=folds, scoring="average_precision").mean()


study = optuna.create_study(direction="maximize", sampler=optuna.samplers.TPESampler(seed=SEED))
study.optimize(objective, n_trials=80)

best = make_pipeline(SimpleImputer(strategy="median"),
                     HistGradientBoostingClassifier(random_state=SEED, **study.best_params)).fit(X_tr, y_tr)
prior = DummyClassifier(strategy="prior").fit(X_tr, y_tr)
p_best, p_prior = best.predict_proba(X_te)[:, 1], prior.predict_proba(X_te)[:, 1]
print(json.dumps({
    "cv_pr_auc": study.best_value,
    "best_params": study.best_params,
    "test": {
        "pr_auc": average_precision_score(y_te, p_best), "roc_auc": roc_auc_score(y_te, p_best),
        "brier": brier_score_loss(y_te, p_best),
        "prior_pr_auc": average_precision_score(y_te, p_prior), "prior_brier": brier_score_loss(y_te, p_prior),
    },
}, indent=2, default=float))
