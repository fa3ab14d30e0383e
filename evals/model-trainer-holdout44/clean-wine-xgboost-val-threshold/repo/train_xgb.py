"""Wine quality (white): is this wine 'good' (quality >= 7)?  XGBoost vs logistic regression."""
import json
import sys

import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, precision_recall_curve, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


def load(cfg):
    wine = pd.read_csv(cfg["data_path"], sep=";")
    wine.columns = [c.replace(" ", "_") for c in wine.columns]
    y = (wine.pop("quality") >= cfg["good_quality"]).astype(int)
    return wine, y


def pick_threshold(y_true, proba):
    precision, recall, thresholds = precision_recall_curve(y_true, proba)
    f1 = 2 * precision * recall / np.clip(precision + recall, 1e-9, None)
    return float(thresholds[np.argmax(f1[:-1])])


def summarize(name, y_true, proba, threshold):
    pred = (proba >= threshold).astype(int)
    print(f"{name:<8} ROC-AUC={roc_auc_score(y_true, proba):.3f} PR-AUC={average_precision_score(y_true, proba):.3f} "
          f"F1@{threshold:.2f}={f1_score(y_true, pred):.3f}")


def main(cfg_path="params.json"):
    with open(cfg_path) as f:
        cfg = json.load(f)
    seed = cfg["seed"]
    X, y = load(cfg)
    print(f"{len(y)} wines, positive rate {y.mean():.3f}")

    X_trval, X_test, y_trval, y_test = train_test_split(
        X, y, test_size=cfg["test_size"], stratify=y, random_state=seed)
    X_train, X_valid, y_train, y_valid = train_test_split(
        X_trval, y_trval, test_size=cfg["valid_size"], stratify=y_trval, random_state=seed)

    logreg = make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000, class_weight="balanced"))
    logreg.fit(X_train, y_train)

    params = dict(cfg["xgb"])
    pos_weight = (y_train == 0).sum() / (y_train == 1).sum()
    booster = xgb.XGBClassifier(**params, scale_pos_weight=pos_weight, random_state=seed, n_jobs=-1)
    booster.fit(X_train, y_train, eval_set=[(X_train, y_train), (X_valid, y_valid)], verbose=200)
    print("best iteration:", booster.best_iteration)

    thresholds = {
        "logreg": pick_threshold(y_valid, logreg.predict_proba(X_valid)[:, 1]),
        "xgboost": pick_threshold(y_valid, booster.predict_proba(X_valid)[:, 1]),
    }
    print("thresholds chosen on validation:", thresholds)

    summarize("logreg", y_test, logreg.predict_proba(X_test)[:, 1], thresholds["logreg"])
    summarize("xgboost", y_test, booster.predict_proba(X_test)[:, 1], thresholds["xgboost"])
    booster.save_model("wine_xgb.json")


if __name__ == "__main__":
    main(*sys.argv[1:])
