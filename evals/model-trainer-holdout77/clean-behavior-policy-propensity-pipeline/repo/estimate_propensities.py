"""Estimate the legacy ranker's behaviour policy pi_0(a | x).

The legacy system did not log propensities, so before running IPS/DR on its
traffic we model P(layout shown | context) with a multinomial logistic model.
Model selection is done with CV on the training part, the held-out part gives
an honest quality estimate, and the chosen pipeline is then refit on all logs
because the propensities are needed for every logged round.
"""
import tomllib

import joblib
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, log_loss, roc_auc_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

with open("propensity.toml", "rb") as f:
    CFG = tomllib.load(f)
SEED = CFG["seed"]


def expected_calibration_error(y_true, proba, classes, n_bins=15):
    conf = proba.max(axis=1)
    correct = classes[proba.argmax(axis=1)] == y_true
    bins = np.minimum((conf * n_bins).astype(int), n_bins - 1)
    ece = 0.0
    for b in range(n_bins):
        m = bins == b
        if m.any():
            ece += m.mean() * abs(correct[m].mean() - conf[m].mean())
    return float(ece)


def build_pipeline():
    pre = ColumnTransformer([
        ("num", Pipeline([("impute", SimpleImputer(strategy="median")),
                          ("scale", StandardScaler())]), CFG["numeric"]),
        ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=50), CFG["categorical"]),
    ])
    return Pipeline([("pre", pre), ("clf", LogisticRegression(max_iter=3000))])


def main():
    logs = pd.read_parquet(CFG["logs_path"])
    X = logs[CFG["numeric"] + CFG["categorical"]]
    a = logs[CFG["action_col"]].astype(str)
    print(a.value_counts(normalize=True).round(3))

    X_tr, X_te, a_tr, a_te = train_test_split(
        X, a, test_size=CFG["test_size"], stratify=a, random_state=SEED
    )
    search = GridSearchCV(
        build_pipeline(),
        param_grid={"clf__C": CFG["grid"]["C"]},
        scoring="neg_log_loss",
        cv=StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED),
        n_jobs=-1,
    )
    search.fit(X_tr, a_tr)
    print("best C:", search.best_params_["clf__C"], "cv log loss:", -search.best_score_)

    prior = DummyClassifier(strategy="prior").fit(X_tr, a_tr)
    classes = search.best_estimator_.classes_
    for name, est in [("marginal_prior", prior), ("logreg", search.best_estimator_)]:
        p = est.predict_proba(X_te)
        print(f"{name:>15}: log_loss={log_loss(a_te, p, labels=classes):.4f}  "
              f"macro_auc={roc_auc_score(a_te, p, multi_class='ovr', average='macro'):.4f}  "
              f"top1={accuracy_score(a_te, classes[p.argmax(axis=1)]):.4f}  "
              f"ece={expected_calibration_error(a_te.to_numpy(), p, classes):.4f}")

    final = build_pipeline().set_params(clf__C=search.best_params_["clf__C"]).fit(X, a)
    proba = final.predict_proba(X)
    col = {c: i for i, c in enumerate(final.classes_)}
    logs["est_propensity"] = np.clip(proba[np.arange(len(logs)), a.map(col).to_numpy()],
                                     CFG["min_propensity"], 1.0)
    print("propensity quantiles:", logs["est_propensity"].quantile([0.01, 0.5, 0.99]).round(4).to_dict())
    logs[["round_id", CFG["action_col"], "est_propensity"]].to_parquet(CFG["out_path"])
    joblib.dump(final, "artifacts/behaviour_policy_logreg.joblib")


if __name__ == "__main__":
    main()
