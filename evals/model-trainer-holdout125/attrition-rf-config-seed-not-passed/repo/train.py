"""Train the voluntary-attrition random forest from params.yaml and write metrics for DVC."""
import json
from pathlib import Path

import joblib
import pandas as pd
import yaml
from sklearn.metrics import average_precision_score, roc_auc_score, recall_score, precision_score
from sklearn.model_selection import train_test_split

from src.pipeline import build_pipeline


def main():
    params = yaml.safe_load(Path("params.yaml").read_text())
    seed = params["seed"]
    dcfg, fcfg = params["data"], params["features"]

    df = pd.read_csv(dcfg["source"], parse_dates=["hire_date"])
    df = df[df["worker_type"] == "Employee"]
    y = df[dcfg["target"]].astype(int)
    X = df[fcfg["numeric"] + fcfg["categorical"]]

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=dcfg["test_size"], stratify=y, random_state=seed
    )

    pipe = build_pipeline(fcfg["numeric"], fcfg["categorical"], params["model"])
    pipe.fit(X_train, y_train)

    proba = pipe.predict_proba(X_test)[:, 1]
    pred = (proba >= 0.5).astype(int)
    metrics = {
        "roc_auc": roc_auc_score(y_test, proba),
        "avg_precision": average_precision_score(y_test, proba),
        "precision@0.5": precision_score(y_test, pred),
        "recall@0.5": recall_score(y_test, pred),
    }
    print(json.dumps(metrics, indent=2))

    Path("metrics").mkdir(exist_ok=True)
    Path("metrics/attrition_rf.json").write_text(json.dumps(metrics, indent=2))
    Path("models").mkdir(exist_ok=True)
    joblib.dump(pipe, "models/attrition_rf.joblib")

    rf = pipe.named_steps["rf"]
    names = pipe.named_steps["pre"].get_feature_names_out()
    top = pd.Series(rf.feature_importances_, index=names).nlargest(15)
    top.to_csv("metrics/top_features.csv")


if __name__ == "__main__":
    main()
