"""In-hospital mortality (prediction at 24h) -- evaluate on a patient-disjoint hold-out,
then refit the final artifact on all data with the hold-out-selected tree count."""
import json
from pathlib import Path

import numpy as np
import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import StratifiedGroupKFold
from sklearn.pipeline import make_pipeline
from sklearn.impute import SimpleImputer
from sklearn.preprocessing import StandardScaler

SEED = 13
DATA = Path("data") / "admissions_24h.parquet"
OUT = Path("artifacts")
CAT = ["sex", "admit_source", "service", "frailty_band"]
NUM = ["age", "news2_max", "hr_max", "rr_max", "sbp_min", "spo2_min", "gcs_min", "lactate_max",
       "creatinine_max", "urea_max", "wbc_max", "crp_max", "albumin_min", "charlson"]
PARAMS = dict(learning_rate=0.04, depth=6, l2_leaf_reg=5, loss_function="Logloss",
              eval_metric="PRAUC", random_seed=SEED, verbose=0)


def grouped_split(y, groups, n_splits):
    sgkf = StratifiedGroupKFold(n_splits=n_splits, shuffle=True, random_state=SEED)
    return next(sgkf.split(np.zeros(len(y)), y, groups))


def metrics(y, p):
    return {"auroc": roc_auc_score(y, p), "auprc": average_precision_score(y, p),
            "brier": brier_score_loss(y, p)}


def main():
    np.random.seed(SEED)
    df = pd.read_parquet(DATA)
    df[CAT] = df[CAT].fillna("missing").astype(str)
    X, y, g = df[NUM + CAT], df["died_in_hospital"].to_numpy(), df["patient_id"].to_numpy()

    dev_idx, test_idx = grouped_split(y, g, 5)
    rel_tr, rel_es = grouped_split(y[dev_idx], g[dev_idx], 8)
    tr_idx, es_idx = dev_idx[rel_tr], dev_idx[rel_es]

    model = CatBoostClassifier(iterations=5000, od_type="Iter", od_wait=200, **PARAMS)
    model.fit(Pool(X.iloc[tr_idx], y[tr_idx], cat_features=CAT),
              eval_set=Pool(X.iloc[es_idx], y[es_idx], cat_features=CAT), use_best_model=True)
    n_trees = model.get_best_iteration() + 1

    baseline = make_pipeline(SimpleImputer(strategy="median"), StandardScaler(), LogisticRegression(max_iter=3000))
    baseline.fit(X.iloc[dev_idx][NUM], y[dev_idx])

    X_test, y_test = X.iloc[test_idx], y[test_idx]
    holdout = {
        "logreg_numeric": metrics(y_test, baseline.predict_proba(X_test[NUM])[:, 1]),
        "catboost": metrics(y_test, model.predict_proba(X_test)[:, 1]),
        "n_trees": n_trees,
        "n_test_patients": int(len(np.unique(g[test_idx]))),
    }
    print(json.dumps(holdout, indent=2, default=float))

    # Final artifact: same configuration, fixed tree count, all available admissions.
    final = CatBoostClassifier(iterations=n_trees, **PARAMS)
    final.fit(Pool(X, y, cat_features=CAT))

    OUT.mkdir(exist_ok=True)
    final.save_model(str(OUT / "mortality_catboost_final.cbm"))
    (OUT / "holdout_report.json").write_text(json.dumps(holdout, indent=2, default=float))


if __name__ == "__main__":
    main()
