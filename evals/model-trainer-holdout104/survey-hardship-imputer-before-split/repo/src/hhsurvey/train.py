"""Train the material-hardship classifier on the household panel extract.

Usage: python -m hhsurvey.train --config config.yaml
"""
import argparse
import json
from pathlib import Path

import numpy as np
import pandas as pd
import yaml
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from hhsurvey.features import CATEGORICAL, NUMERIC, add_derived, impute_nonresponse, recode_missing


def load_config(path: str) -> dict:
    with open(path) as fh:
        return yaml.safe_load(fh)


def build_model(kind: str, params: dict, seed: int) -> Pipeline:
    if kind == "gbm":
        pre = ColumnTransformer(
            [("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), CATEGORICAL)],
            remainder="passthrough",
        )
        clf = HistGradientBoostingClassifier(random_state=seed, **params)
    elif kind == "logit":
        pre = ColumnTransformer(
            [
                ("cat", OneHotEncoder(handle_unknown="ignore"), CATEGORICAL),
                ("num", StandardScaler(), NUMERIC),
            ]
        )
        clf = LogisticRegression(C=1.0, max_iter=2000)
    else:
        pre = "passthrough"
        clf = DummyClassifier(strategy="prior")
    return Pipeline([("pre", pre), ("clf", clf)])


def weighted_metrics(y, p, w) -> dict:
    return {
        "auc": roc_auc_score(y, p, sample_weight=w),
        "avg_precision": average_precision_score(y, p, sample_weight=w),
        "brier": brier_score_loss(y, p, sample_weight=w),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="config.yaml")
    args = parser.parse_args()
    cfg = load_config(args.config)
    seed = cfg["seed"]
    np.random.seed(seed)

    raw = pd.read_parquet(cfg["data"]["path"])
    df = recode_missing(raw)
    df = impute_nonresponse(df, max_iter=cfg["imputer"]["max_iter"], seed=seed)
    df = add_derived(df)

    target, wcol, gcol = cfg["data"]["target"], cfg["data"]["weight"], cfg["data"]["group"]
    splitter = GroupShuffleSplit(n_splits=1, test_size=cfg["split"]["test_size"], random_state=seed)
    train_idx, test_idx = next(splitter.split(df, groups=df[gcol]))
    train, test = df.iloc[train_idx], df.iloc[test_idx]
    print(f"train households={train[gcol].nunique()} test households={test[gcol].nunique()}")
    print(f"weighted hardship rate train={np.average(train[target], weights=train[wcol]):.3f}")

    features = CATEGORICAL + NUMERIC
    results = {}
    for kind in ["prior", "logit", "gbm"]:
        model = build_model(kind, cfg["model"], seed)
        model.fit(train[features], train[target], clf__sample_weight=train[wcol])
        proba = model.predict_proba(test[features])[:, 1]
        results[kind] = weighted_metrics(test[target], proba, test[wcol])
        print(kind, {k: round(v, 4) for k, v in results[kind].items()})

    out_dir = Path(cfg["output_dir"])
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "metrics.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
