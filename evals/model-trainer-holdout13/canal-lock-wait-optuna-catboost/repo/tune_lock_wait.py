# Long-wait predictor for the Caldon & Trent lock flights.
# label long_wait = boat queued > 45 min before entering the chamber (about 1 in 10 passages)
import json
import logging

import numpy as np
import optuna
import pandas as pd
from catboost import CatBoostClassifier
from imblearn.over_sampling import RandomOverSampler
from sklearn.dummy import DummyClassifier
from sklearn.metrics import average_precision_score, f1_score, precision_recall_curve, roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_score, train_test_split

logging.basicConfig(level=logging.INFO)
SEED = 5

passages = pd.read_csv("lock_passages.csv")
passages["hour"] = pd.to_datetime(passages["arrival_ts"]).dt.hour
passages["boats_ahead_per_crew"] = passages["boats_ahead"] / passages["volunteer_lockkeepers"].clip(lower=1)
features = ["lock_no", "direction", "hour", "boats_ahead", "boats_ahead_per_crew", "hire_boat",
            "boat_length_m", "paddle_gear_fault", "river_level_cm", "weekend"]
cat_cols = ["lock_no", "direction"]
for c in cat_cols:
    passages[c] = passages[c].astype(str)

X_dev, X_test, y_dev, y_test = train_test_split(
    passages[features], passages["long_wait"], test_size=0.2, stratify=passages["long_wait"], random_state=SEED
)

# balance classes for tuning
ros = RandomOverSampler(random_state=SEED)
X_bal, y_bal = ros.fit_resample(X_dev, y_dev)

folds = StratifiedKFold(n_splits=5, shuffle=True)


def objective(trial):
    params = {
        "depth": trial.suggest_int("depth", 4, 9),
        "learning_rate": trial.suggest_float("learning_rate", 0.01, 0.2, log=True),
        "l2_leaf_reg": trial.suggest_float("l2_leaf_reg", 1.0, 20.0, log=True),
        "iterations": trial.suggest_int("iterations", 200, 1200, step=100),
    }
    clf = CatBoostClassifier(**params, cat_features=cat_cols, random_seed=SEED, verbose=0)
    return cross_val_score(clf, X_bal, y_bal, cv=folds, scoring="average_precision").mean()


study = optuna.create_study(direction="maximize", sampler=optuna.samplers.TPESampler(seed=SEED))
study.optimize(objective, n_trials=60)
logging.info("best CV AP %.4f with %s", study.best_value, study.best_params)

# final model on the (unbalanced) dev data; threshold from a dev-internal validation slice
X_fit, X_val, y_fit, y_val = train_test_split(X_dev, y_dev, test_size=0.2, stratify=y_dev, random_state=SEED)
final = CatBoostClassifier(**study.best_params, cat_features=cat_cols, random_seed=SEED, verbose=0)
final.fit(X_fit, y_fit)
prec, rec, thr = precision_recall_curve(y_val, final.predict_proba(X_val)[:, 1])
f1s = 2 * prec[:-1] * rec[:-1] / np.clip(prec[:-1] + rec[:-1], 1e-9, None)
threshold = float(thr[np.argmax(f1s)])

p_test = final.predict_proba(X_test)[:, 1]
prior = DummyClassifier(strategy="prior").fit(X_dev, y_dev).predict_proba(X_test)[:, 1]
report = {
    "test_ap": average_precision_score(y_test, p_test),
    "test_roc_auc": roc_auc_score(y_test, p_test),
    "test_f1_at_val_threshold": f1_score(y_test, p_test >= threshold),
    "prior_ap": average_precision_score(y_test, prior),
    "threshold": threshold,
}
print(json.dumps(report, indent=2))
