"""Two-level stack for employee attrition.

level 1: OOF predictions on the training split (cross_val_predict) -> meta features
level 2: logistic regression on the OOF meta features
The held-out test split is only used once, at the end.
"""
import json
import logging

import joblib
import lightgbm as lgb
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import ExtraTreesClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_predict, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, OrdinalEncoder, StandardScaler

from hr_features import CATEGORICAL, engineer

SEED = 31
logging.basicConfig(level=logging.INFO, format="%(message)s")
log = logging.getLogger("stack")


def base_models(numeric):
    ohe = ColumnTransformer([("num", StandardScaler(), numeric),
                             ("cat", OneHotEncoder(handle_unknown="ignore"), CATEGORICAL)])
    ordinal = ColumnTransformer([("num", "passthrough", numeric),
                                 ("cat", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1), CATEGORICAL)])
    return {
        "logreg": Pipeline([("prep", ohe), ("clf", LogisticRegression(C=0.3, max_iter=5000))]),
        "lgbm": Pipeline([("prep", ordinal), ("clf", lgb.LGBMClassifier(
            n_estimators=400, learning_rate=0.03, num_leaves=15, min_child_samples=20,
            colsample_bytree=0.7, subsample=0.8, subsample_freq=1, random_state=SEED, verbose=-1))]),
        "xgb": Pipeline([("prep", ordinal), ("clf", xgb.XGBClassifier(
            n_estimators=350, learning_rate=0.04, max_depth=3, subsample=0.8, colsample_bytree=0.7,
            random_state=SEED))]),
        "extratrees": Pipeline([("prep", ordinal), ("clf", ExtraTreesClassifier(
            n_estimators=600, min_samples_leaf=3, max_features=0.5, random_state=SEED, n_jobs=-1))]),
    }


def scores(y, p):
    return {"roc_auc": round(roc_auc_score(y, p), 4), "pr_auc": round(average_precision_score(y, p), 4),
            "brier": round(brier_score_loss(y, p), 4)}


def main():
    raw = pd.read_csv("data/hr_attrition.csv")
    y = (raw.pop("Attrition") == "Yes").astype(int).to_numpy()
    X = engineer(raw)
    numeric = [c for c in X.columns if c not in CATEGORICAL]

    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.25, stratify=y, random_state=SEED)
    cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)

    models = base_models(numeric)
    oof_meta = np.column_stack([
        cross_val_predict(m, X_tr, y_tr, cv=cv, method="predict_proba")[:, 1] for m in models.values()])
    for name, col in zip(models, oof_meta.T):
        log.info("OOF %-10s %s", name, scores(y_tr, col))

    meta = LogisticRegression(C=1.0, max_iter=1000)
    meta_oof = cross_val_predict(meta, oof_meta, y_tr, cv=cv, method="predict_proba")[:, 1]
    log.info("OOF stack      %s", scores(y_tr, meta_oof))
    meta.fit(oof_meta, y_tr)

    test_meta = np.column_stack([m.fit(X_tr, y_tr).predict_proba(X_te)[:, 1] for m in models.values()])
    stack_test = meta.predict_proba(test_meta)[:, 1]
    best_single = int(np.argmax([roc_auc_score(y_tr, c) for c in oof_meta.T]))
    prior = DummyClassifier(strategy="prior").fit(X_tr, y_tr).predict_proba(X_te)[:, 1]

    report = {"stack": scores(y_te, stack_test),
              f"single_{list(models)[best_single]}": scores(y_te, test_meta[:, best_single]),
              "prior": scores(y_te, prior),
              "meta_weights": dict(zip(models, np.round(meta.coef_[0], 3).tolist()))}
    log.info("TEST %s", json.dumps(report, indent=2))
    joblib.dump({"base": models, "meta": meta}, "attrition_stack.joblib")


if __name__ == "__main__":
    main()
