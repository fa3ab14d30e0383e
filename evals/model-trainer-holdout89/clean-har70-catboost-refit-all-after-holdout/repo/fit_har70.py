"""Activity model for older adults (HAR70+, back + thigh accelerometers).

1. Outer split by participant into development / test.
2. Inner participant split of development data for early stopping.
3. Report test metrics against baselines.
4. Refit the final model on every participant with the chosen number of trees for deployment.
"""
import json
from pathlib import Path

import numpy as np
import pandas as pd
import yaml
from catboost import CatBoostClassifier
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import balanced_accuracy_score, classification_report, f1_score
from sklearn.model_selection import StratifiedGroupKFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

CFG = yaml.safe_load(open("settings.yaml"))
SEED = CFG["seed"]


def participant_holdout(X, y, groups, n_splits, seed):
    sgkf = StratifiedGroupKFold(n_splits=n_splits, shuffle=True, random_state=seed)
    return next(sgkf.split(X, y, groups))


def metrics(y_true, y_pred):
    return {"macro_f1": f1_score(y_true, y_pred, average="macro"),
            "balanced_accuracy": balanced_accuracy_score(y_true, y_pred)}


def main():
    df = pd.read_parquet(CFG["features"])
    feature_cols = [c for c in df.columns if c.startswith(("back_", "thigh_"))]
    X, y, groups = df[feature_cols], df["activity"].to_numpy(), df["participant"].to_numpy()

    dev_idx, test_idx = participant_holdout(X, y, groups, n_splits=5, seed=SEED)
    X_dev, y_dev, g_dev = X.iloc[dev_idx], y[dev_idx], groups[dev_idx]
    X_test, y_test = X.iloc[test_idx], y[test_idx]
    fit_idx, val_idx = participant_holdout(X_dev, y_dev, g_dev, n_splits=5, seed=SEED + 1)

    model = CatBoostClassifier(**CFG["catboost"], random_seed=SEED, od_type="Iter", od_wait=100, verbose=250)
    model.fit(X_dev.iloc[fit_idx], y_dev[fit_idx],
              eval_set=(X_dev.iloc[val_idx], y_dev[val_idx]), use_best_model=True)
    best_iters = model.get_best_iteration() + 1

    results = {"catboost": metrics(y_test, model.predict(X_test).ravel())}
    dummy = DummyClassifier(strategy="most_frequent").fit(X_dev, y_dev)
    results["majority"] = metrics(y_test, dummy.predict(X_test))
    logreg = make_pipeline(StandardScaler(), LogisticRegression(max_iter=3000, random_state=SEED))
    logreg.fit(X_dev, y_dev)
    results["logreg"] = metrics(y_test, logreg.predict(X_test))
    results["catboost"]["best_iterations"] = best_iters
    print(json.dumps(results, indent=2))
    print(classification_report(y_test, model.predict(X_test).ravel(), digits=3))

    # deployment model: same settings, all participants, tree count fixed from the inner split
    final_params = {**CFG["catboost"], "iterations": best_iters}
    final = CatBoostClassifier(**final_params, random_seed=SEED, verbose=0)
    final.fit(X, y)

    out = Path(CFG["export_dir"])
    out.mkdir(parents=True, exist_ok=True)
    final.save_model(str(out / "model.cbm"))
    (out / "heldout_metrics.json").write_text(json.dumps(results, indent=2))
    (out / "features.json").write_text(json.dumps(feature_cols))


if __name__ == "__main__":
    main()
