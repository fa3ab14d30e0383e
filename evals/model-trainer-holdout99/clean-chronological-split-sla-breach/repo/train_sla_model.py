"""Predict SLA breach for incoming incident tickets from description embeddings + metadata.

Test period = last 20% of tickets by creation time; tuning uses expanding-window folds.
"""
import json
from pathlib import Path

import numpy as np
import pandas as pd
from sentence_transformers import SentenceTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import TimeSeriesSplit, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from xgboost import XGBClassifier

SEED = 404
META = ["priority_code", "n_affected_services", "reporter_is_internal", "hour_of_day", "weekday"]
GRID = [{"max_depth": d, "min_child_weight": w} for d in (3, 5, 7) for w in (1, 5)]


def load_tickets(path="data/incidents_2022_2024.parquet"):
    df = pd.read_parquet(path)
    df["created_at"] = pd.to_datetime(df["created_at"], utc=True)
    df = df.sort_values("created_at").reset_index(drop=True)
    df["hour_of_day"] = df["created_at"].dt.hour
    df["weekday"] = df["created_at"].dt.weekday
    return df


def embed(texts, cache=Path("cache/incidents_bge_base.npy")):
    if cache.exists():
        return np.load(cache)
    model = SentenceTransformer("BAAI/bge-base-en-v1.5")
    vecs = model.encode(texts, batch_size=64, normalize_embeddings=True, show_progress_bar=True)
    cache.parent.mkdir(parents=True, exist_ok=True)
    np.save(cache, vecs)
    return vecs


def make_xgb(params):
    return XGBClassifier(n_estimators=400, learning_rate=0.05, subsample=0.8, colsample_bytree=0.4,
                         eval_metric="aucpr", random_state=SEED, tree_method="hist", **params)


def main():
    np.random.seed(SEED)
    df = load_tickets()
    emb = embed(df["description"].fillna("").tolist())
    X = np.hstack([emb, df[META].to_numpy(dtype=np.float32)])
    y = df["breached_sla"].to_numpy()

    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, shuffle=False)
    cut = df["created_at"].iloc[len(X_train)]
    print(f"train < {cut:%Y-%m-%d} <= test; breach rate train={y_train.mean():.3f} test={y_test.mean():.3f}")

    tscv = TimeSeriesSplit(n_splits=5, gap=200)
    cv_scores = []
    for params in GRID:
        fold_scores = []
        for tr_idx, va_idx in tscv.split(X_train):
            m = make_xgb(params).fit(X_train[tr_idx], y_train[tr_idx])
            fold_scores.append(average_precision_score(y_train[va_idx], m.predict_proba(X_train[va_idx])[:, 1]))
        cv_scores.append(float(np.mean(fold_scores)))
        print(params, "cv PR-AUC %.4f" % cv_scores[-1])
    best = GRID[int(np.argmax(cv_scores))]

    model = make_xgb(best).fit(X_train, y_train)
    n_meta = len(META)
    baseline = make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000))
    baseline.fit(X_train[:, -n_meta:], y_train)

    results = {"best_params": best}
    for name, proba in [("meta_logreg", baseline.predict_proba(X_test[:, -n_meta:])[:, 1]),
                        ("xgb_emb_meta", model.predict_proba(X_test)[:, 1])]:
        results[name] = {"roc_auc": float(roc_auc_score(y_test, proba)),
                         "pr_auc": float(average_precision_score(y_test, proba))}
    print(json.dumps(results, indent=2))

    out = Path("artifacts/sla_breach")
    out.mkdir(parents=True, exist_ok=True)
    model.save_model(out / "xgb.json")
    (out / "metrics.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
