"""Childhood asthma genetic classifier with family-aware splitting."""
import argparse
import json
import logging
from pathlib import Path

import numpy as np
import pandas as pd
import yaml
from sklearn.dummy import DummyClassifier
from sklearn.feature_selection import SelectKBest, VarianceThreshold, f_classif
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import GridSearchCV, StratifiedGroupKFold
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

from cohort import allele_frequency_summary, assert_families_disjoint, load_cohort

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("train")


def make_pipeline(seed):
    return Pipeline([
        ("impute", SimpleImputer(strategy="mean")),
        ("nzv", VarianceThreshold(1e-4)),
        ("select", SelectKBest(f_classif)),
        ("scale", StandardScaler()),
        ("clf", LogisticRegression(penalty="l2", max_iter=5000, random_state=seed)),
    ])


def scores(y, p):
    return {"auroc": roc_auc_score(y, p), "auprc": average_precision_score(y, p), "brier": brier_score_loss(y, p)}


def main(cfg):
    d, seed = cfg["data"], cfg["seed"]
    dos, samples = load_cohort(d)
    log.info("MAF spectrum:\n%s", allele_frequency_summary(dos))

    X = pd.concat([dos, samples[d["covariates"]]], axis=1)
    y = samples[d["label"]].astype(int).values
    families = samples[d["family_col"]].values

    outer = StratifiedGroupKFold(n_splits=cfg["split"]["n_outer_folds"], shuffle=True, random_state=seed)
    train_idx, test_idx = next(outer.split(X, y, groups=families))
    X_train, X_test = X.iloc[train_idx], X.iloc[test_idx]
    y_train, y_test = y[train_idx], y[test_idx]
    assert_families_disjoint(pd.Series(families[train_idx]), pd.Series(families[test_idx]))
    log.info("train %d (%.3f cases), test %d (%.3f cases)", len(y_train), y_train.mean(), len(y_test), y_test.mean())

    inner = StratifiedGroupKFold(n_splits=cfg["split"]["n_inner_folds"], shuffle=True, random_state=seed)
    search = GridSearchCV(make_pipeline(seed), cfg["search"], scoring="roc_auc", cv=inner, n_jobs=-1, refit=True)
    search.fit(X_train, y_train, groups=families[train_idx])
    log.info("best params %s, inner CV AUROC %.4f", search.best_params_, search.best_score_)

    cov_only = Pipeline([("scale", StandardScaler()), ("clf", LogisticRegression(max_iter=2000))])
    cov_only.fit(X_train[d["covariates"]], y_train)
    prior = DummyClassifier(strategy="prior").fit(X_train, y_train)

    results = {
        "prior": scores(y_test, prior.predict_proba(X_test)[:, 1]),
        "covariates_only": scores(y_test, cov_only.predict_proba(X_test[d["covariates"]])[:, 1]),
        "snps_plus_covariates": scores(y_test, search.predict_proba(X_test)[:, 1]),
        "best_params": search.best_params_,
    }
    log.info(json.dumps(results, indent=2, default=float))
    out = Path(cfg["output_dir"])
    out.mkdir(parents=True, exist_ok=True)
    (out / "results.json").write_text(json.dumps(results, indent=2, default=float))
    pd.DataFrame(search.cv_results_).to_csv(out / "cv_results.csv", index=False)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    main(yaml.safe_load(Path(ap.parse_args().config).read_text()))
