import logging
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
import yaml
from sklearn.compose import make_column_transformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score, log_loss, average_precision_score
from sklearn.model_selection import ParameterGrid, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from xgboost import XGBClassifier

from features import CATEGORICAL, add_features

logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
log = logging.getLogger(__name__)


def load(cfg):
    df = pd.read_parquet(cfg["data"]["path"]).drop(columns=cfg["data"]["drop"])
    df = add_features(df)
    y = df.pop(cfg["data"]["target"]).astype(int)
    return df, y


def baseline(X_tr, y_tr, X_te, y_te, seed):
    num = [c for c in X_tr.columns if c not in CATEGORICAL]
    prep = make_column_transformer(
        (make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), num),
        (OneHotEncoder(handle_unknown="ignore"), CATEGORICAL),
    )
    lr = make_pipeline(prep, LogisticRegression(max_iter=3000, random_state=seed)).fit(X_tr, y_tr)
    p = lr.predict_proba(X_te)[:, 1]
    return roc_auc_score(y_te, p), log_loss(y_te, p)


def main(config_path="config.yaml"):
    cfg = yaml.safe_load(Path(config_path).read_text())
    seed = cfg["seed"]
    np.random.seed(seed)

    X, y = load(cfg)
    log.info("rows=%d default_rate=%.3f", len(y), y.mean())
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=cfg["data"]["test_size"], stratify=y, random_state=seed
    )

    base_auc, base_ll = baseline(X_train, y_train, X_test, y_test, seed)
    log.info("logreg baseline: auc=%.4f logloss=%.4f", base_auc, base_ll)

    best_auc, best_params, best_model = -np.inf, None, None
    for params in ParameterGrid(cfg["grid"]):
        model = XGBClassifier(
            n_estimators=cfg["n_estimators"],
            enable_categorical=True,
            tree_method="hist",
            eval_metric="logloss",
            random_state=seed,
            **params,
        )
        model.fit(X_train, y_train)
        auc = roc_auc_score(y_test, model.predict_proba(X_test)[:, 1])
        log.info("%s -> test auc %.4f", params, auc)
        if auc > best_auc:
            best_auc, best_params, best_model = auc, params, model

    proba = best_model.predict_proba(X_test)[:, 1]
    log.info("best params %s", best_params)
    log.info("TEST auc=%.4f pr_auc=%.4f logloss=%.4f", best_auc,
             average_precision_score(y_test, proba), log_loss(y_test, proba))
    Path(cfg["output"]).parent.mkdir(parents=True, exist_ok=True)
    joblib.dump({"model": best_model, "params": best_params}, cfg["output"])


if __name__ == "__main__":
    main()
