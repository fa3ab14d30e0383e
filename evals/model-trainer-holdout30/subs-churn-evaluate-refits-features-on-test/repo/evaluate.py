"""Score the trained churn model on the held-out test month.

    python evaluate.py --config configs/churn.yaml
"""
import argparse
import json
from pathlib import Path

import joblib
import pandas as pd
import yaml
from sklearn.metrics import average_precision_score, f1_score, precision_score, recall_score, roc_auc_score

from subs_churn.features import TARGET, FeatureBuilder


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/churn.yaml")
    cfg = yaml.safe_load(Path(parser.parse_args().config).read_text())
    paths, feats = cfg["paths"], cfg["features"]

    model = joblib.load(paths["model"])
    threshold = json.loads(Path(paths["threshold"]).read_text())["threshold"]
    test_df = pd.read_parquet(paths["test"])

    builder = FeatureBuilder(feats["numeric"], feats["categorical"])
    x_te = builder.fit_transform(test_df)
    y_te = test_df[TARGET].to_numpy()

    proba = model.predict_proba(x_te)[:, 1]
    pred = proba >= threshold
    report = {
        "test_auroc": roc_auc_score(y_te, proba),
        "test_ap": average_precision_score(y_te, proba),
        "test_precision": precision_score(y_te, pred),
        "test_recall": recall_score(y_te, pred),
        "test_f1": f1_score(y_te, pred),
    }
    Path(paths["report"]).write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
