import json
import sys

import numpy as np
import pandas as pd
import yaml
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import train_test_split
from sklearn.svm import SVR

from preprocessing import build_matrix


def main(params_path="params.yaml"):
    with open(params_path) as f:
        p = yaml.safe_load(f)

    raw = pd.read_csv(p["data"])
    raw = raw.dropna(subset=[p["target"]])  # students who missed the exam
    print(f"{len(raw)} students with an exam score")

    train_df, test_df = train_test_split(raw, test_size=p["test_size"], random_state=p["seed"])

    X_train, y_train = build_matrix(train_df, p["target"])
    X_test, y_test = build_matrix(test_df, p["target"])

    model = SVR(kernel="rbf", **p["svr"])
    model.fit(X_train, y_train)

    pred = np.clip(model.predict(X_test), 0, 100)
    baseline = np.full_like(y_test, y_train.mean())
    metrics = {
        "mae": mean_absolute_error(y_test, pred),
        "r2": r2_score(y_test, pred),
        "baseline_mae": mean_absolute_error(y_test, baseline),
    }
    print(json.dumps(metrics, indent=2))
    with open("metrics.json", "w") as f:
        json.dump(metrics, f, indent=2)


if __name__ == "__main__":
    main(*sys.argv[1:])
