"""Linear baseline on EMBER 2018 vectorized features (SGD, logistic loss)."""
import argparse
import os

import joblib
import numpy as np
import yaml
from sklearn.linear_model import SGDClassifier
from sklearn.metrics import f1_score, roc_auc_score, roc_curve
from sklearn.model_selection import train_test_split

from features import drop_unlabeled, load_vectorized, prepare_features, save_metrics


def detection_rate_at_fpr(y_true, scores, target_fpr=0.01):
    fpr, tpr, _ = roc_curve(y_true, scores)
    return float(np.interp(target_fpr, fpr, tpr))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="config.yaml")
    args = parser.parse_args()

    with open(args.config) as f:
        cfg = yaml.safe_load(f)

    X, y = load_vectorized(cfg["data_dir"], subset="train")
    X, y = drop_unlabeled(X, y)
    print(f"labeled samples: {len(y)}  malicious ratio: {y.mean():.3f}")

    X, scaler = prepare_features(X, clip=cfg["clip"])

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=cfg["test_size"], stratify=y, random_state=cfg["seed"]
    )

    clf = SGDClassifier(
        loss="log_loss",
        alpha=cfg["alpha"],
        max_iter=cfg["max_iter"],
        tol=1e-4,
        random_state=cfg["seed"],
    )
    clf.fit(X_train, y_train)

    scores = clf.predict_proba(X_test)[:, 1]
    preds = (scores >= 0.5).astype(int)
    metrics = {
        "roc_auc": float(roc_auc_score(y_test, scores)),
        "f1": float(f1_score(y_test, preds)),
        "dr_at_1pct_fpr": detection_rate_at_fpr(y_test, scores, 0.01),
    }
    print(metrics)

    save_metrics(metrics, cfg["out_dir"])
    joblib.dump({"model": clf, "scaler": scaler}, os.path.join(cfg["out_dir"], "sgd_ember.joblib"))


if __name__ == "__main__":
    main()
