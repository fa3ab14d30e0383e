"""python -m returnsml.train configs/returns_xgb.json"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import (average_precision_score, f1_score, precision_recall_curve, precision_score,
                             recall_score, roc_auc_score)
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from xgboost import XGBClassifier

from returnsml.transforms import apply_row_transforms


def preprocessor(cfg: dict) -> ColumnTransformer:
    return ColumnTransformer([
        ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), cfg["numeric"]),
        ("cat", make_pipeline(SimpleImputer(strategy="constant", fill_value="unknown"),
                              OneHotEncoder(handle_unknown="infrequent_if_exist", min_frequency=25)), cfg["categorical"]),
    ])


def choose_threshold(y, p, min_precision: float) -> float:
    prec, rec, thr = precision_recall_curve(y, p)
    ok = np.flatnonzero(prec[:-1] >= min_precision)
    return float(thr[ok[np.argmax(rec[:-1][ok])]]) if ok.size else 0.5


def evaluate(y, p, thr: float) -> dict[str, float]:
    pred = (p >= thr).astype(int)
    return {"roc_auc": roc_auc_score(y, p), "pr_auc": average_precision_score(y, p),
            "precision": precision_score(y, pred), "recall": recall_score(y, pred), "f1": f1_score(y, pred)}


def main(cfg_path: str) -> None:
    cfg = json.loads(Path(cfg_path).read_text())
    seed, target = cfg["seed"], cfg["data"]["target"]
    np.random.seed(seed)

    df = pd.read_csv(cfg["data"]["path"])
    df = apply_row_transforms(df, cfg["row_transforms"])
    X, y = df[cfg["numeric"] + cfg["categorical"]], df[target].astype(int)

    X_rest, X_test, y_rest, y_test = train_test_split(X, y, test_size=cfg["data"]["test_size"], stratify=y, random_state=seed)
    rel = cfg["data"]["val_size"] / (1 - cfg["data"]["test_size"])
    X_train, X_val, y_train, y_val = train_test_split(X_rest, y_rest, test_size=rel, stratify=y_rest, random_state=seed)

    models = {
        "logreg": Pipeline([("prep", preprocessor(cfg)), ("clf", LogisticRegression(max_iter=3000, random_state=seed))]),
        "xgb": Pipeline([("prep", preprocessor(cfg)), ("clf", XGBClassifier(**cfg["xgb"], random_state=seed, n_jobs=-1))]),
    }
    report = {}
    for name, pipe in models.items():
        pipe.fit(X_train, y_train)
        thr = choose_threshold(y_val, pipe.predict_proba(X_val)[:, 1], cfg["min_precision"])
        report[name] = {"threshold": thr, **evaluate(y_test, pipe.predict_proba(X_test)[:, 1], thr)}

    out = Path("artifacts/returns")
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump(models["xgb"], out / "xgb_pipeline.joblib")
    (out / "report.json").write_text(json.dumps(report, indent=2))
    print(pd.DataFrame(report).T.round(4))


if __name__ == "__main__":
    main(sys.argv[1])
