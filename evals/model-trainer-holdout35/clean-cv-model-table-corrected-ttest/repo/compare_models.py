"""Attrition models: comparison table for the methods section.

Protocol
  1. stateless feature derivations (row-wise, no statistics) on the full extract
  2. stratified 80/20 split; the 20% is locked away
  3. all candidates compared with the same 5x3 repeated stratified CV on the 80%,
     corrected resampled t-test (Nadeau & Bengio, 2003) for the top two
  4. the CV winner is refitted on the 80% and scored once on the locked 20%
"""
import json
import logging
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import stats
from sklearn.base import clone
from sklearn.compose import make_column_transformer
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import RepeatedStratifiedKFold, cross_validate, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

SEED = 314
OUT = Path("results")
NUM = ["age", "log_income", "years_at_company", "years_since_promotion", "tenure_ratio",
       "overtime_hours_m", "satisfaction", "n_projects", "commute_km"]
CAT = ["department", "job_level", "contract_type"]
log = logging.getLogger("compare")


def derive(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    df["log_income"] = np.log(df["monthly_income"].clip(lower=1))
    df["tenure_ratio"] = df["years_at_company"] / df["total_working_years"].clip(lower=1)
    df["job_level"] = df["job_level"].astype(str)
    return df


def candidates():
    ohe = lambda: make_column_transformer((StandardScaler(), NUM), (OneHotEncoder(handle_unknown="ignore"), CAT))
    return {
        "prior": DummyClassifier(strategy="prior"),
        "logistic": make_pipeline(ohe(), LogisticRegression(C=0.5, max_iter=5000)),
        "random_forest": make_pipeline(ohe(), RandomForestClassifier(n_estimators=600, min_samples_leaf=5,
                                                                     n_jobs=-1, random_state=SEED)),
        "hist_gbm": make_pipeline(ohe(), HistGradientBoostingClassifier(learning_rate=0.05, max_iter=300,
                                                                         max_leaf_nodes=15, random_state=SEED)),
    }


def corrected_ttest(a, b, n_train, n_test):
    """Nadeau-Bengio corrected resampled t-test on paired CV scores."""
    d = np.asarray(a) - np.asarray(b)
    k = len(d)
    var = d.var(ddof=1) * (1 / k + n_test / n_train)
    t = d.mean() / np.sqrt(var)
    return t, 2 * stats.t.sf(abs(t), df=k - 1)


def main():
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    OUT.mkdir(exist_ok=True)
    staff = derive(pd.read_csv("data/hr_snapshot.csv"))
    y = staff["left_within_12m"].astype(int)
    X = staff[NUM + CAT]

    X_dev, X_lock, y_dev, y_lock = train_test_split(X, y, test_size=0.2, stratify=y, random_state=SEED)
    rskf = RepeatedStratifiedKFold(n_splits=5, n_repeats=3, random_state=SEED)
    scoring = {"auroc": "roc_auc", "ap": "average_precision", "brier": "neg_brier_score"}

    cv_scores, rows = {}, []
    for name, est in candidates().items():
        res = cross_validate(est, X_dev, y_dev, cv=rskf, scoring=scoring, n_jobs=-1)
        cv_scores[name] = res["test_auroc"]
        rows.append({"model": name, "AUROC": res["test_auroc"].mean(), "AUROC sd": res["test_auroc"].std(),
                     "AP": res["test_ap"].mean(), "Brier": -res["test_brier"].mean()})
    table = pd.DataFrame(rows).sort_values("AUROC", ascending=False)
    (OUT / "cv_comparison.md").write_text(table.to_markdown(index=False, floatfmt=".3f"))
    print(table.to_string(index=False))

    first, second = table["model"].iloc[0], table["model"].iloc[1]
    n_test_fold = len(y_dev) // 5
    t, p = corrected_ttest(cv_scores[first], cv_scores[second], len(y_dev) - n_test_fold, n_test_fold)
    log.info("%s vs %s: corrected t=%.2f, p=%.3f", first, second, t, p)

    winner = clone(candidates()[first]).fit(X_dev, y_dev)
    prior = clone(candidates()["prior"]).fit(X_dev, y_dev)
    locked = {}
    for name, model in [(first, winner), ("prior", prior)]:
        prob = model.predict_proba(X_lock)[:, 1]
        locked[name] = {"auroc": roc_auc_score(y_lock, prob), "ap": average_precision_score(y_lock, prob),
                        "brier": brier_score_loss(y_lock, prob)}
    (OUT / "locked_test.json").write_text(json.dumps({"selected_by_cv": first, "t": t, "p": p, **locked}, indent=2))
    print(json.dumps(locked, indent=2))


if __name__ == "__main__":
    main()
