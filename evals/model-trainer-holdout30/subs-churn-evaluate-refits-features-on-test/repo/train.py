"""Train the churn model; choose C and the decision threshold on the validation split.

    python train.py --config configs/churn.yaml
"""
import argparse
import json
from pathlib import Path

import joblib
import mlflow
import numpy as np
import pandas as pd
import yaml
from sklearn.dummy import DummyClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, precision_recall_curve, roc_auc_score

from subs_churn.features import TARGET, FeatureBuilder


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/churn.yaml")
    cfg = yaml.safe_load(Path(parser.parse_args().config).read_text())
    paths, feats = cfg["paths"], cfg["features"]

    train_df = pd.read_parquet(paths["train"])
    valid_df = pd.read_parquet(paths["valid"])
    builder = FeatureBuilder(feats["numeric"], feats["categorical"])
    x_tr = builder.fit_transform(train_df)
    x_va = builder.transform(valid_df)
    y_tr, y_va = train_df[TARGET].to_numpy(), valid_df[TARGET].to_numpy()

    mlflow.set_experiment("subs-churn")
    with mlflow.start_run():
        results = {}
        for c in cfg["c_grid"]:
            clf = LogisticRegression(C=c, max_iter=4000, class_weight="balanced", random_state=cfg["seed"]).fit(x_tr, y_tr)
            results[c] = (average_precision_score(y_va, clf.predict_proba(x_va)[:, 1]), clf)
        best_c = max(results, key=lambda c: results[c][0])
        model = results[best_c][1]
        p_va = model.predict_proba(x_va)[:, 1]

        precision, recall, thresholds = precision_recall_curve(y_va, p_va)
        f1 = 2 * precision * recall / np.clip(precision + recall, 1e-9, None)
        threshold = float(thresholds[np.argmax(f1[:-1])])

        prior = DummyClassifier(strategy="prior").fit(x_tr, y_tr)
        mlflow.log_metrics({
            "best_C": best_c,
            "valid_ap": results[best_c][0],
            "valid_auroc": roc_auc_score(y_va, p_va),
            "prior_valid_ap": average_precision_score(y_va, prior.predict_proba(x_va)[:, 1]),
        })
        Path(paths["model"]).parent.mkdir(parents=True, exist_ok=True)
        joblib.dump(model, paths["model"])
        Path(paths["threshold"]).write_text(json.dumps({"threshold": threshold}))
        mlflow.sklearn.log_model(model, "model", registered_model_name="subs-churn-logreg")


if __name__ == "__main__":
    main()
