"""Illicit transaction classifier on the Elliptic Bitcoin graph (CatBoost).

Each transaction has 166 features (col 1 is the time step, 1..49) plus edges to the
transactions it pays into. We add neighbour-mean aggregates of the local features.
"""
from pathlib import Path

import numpy as np
import pandas as pd
from catboost import CatBoostClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, precision_score, recall_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

DATA = Path("data/elliptic_bitcoin_dataset")
SEED = 3


def load():
    feats = pd.read_csv(DATA / "elliptic_txs_features.csv", header=None)
    feats.columns = ["txId", "time_step"] + [f"local_{i}" for i in range(93)] + [f"agg_{i}" for i in range(72)]
    classes = pd.read_csv(DATA / "elliptic_txs_classes.csv")
    edges = pd.read_csv(DATA / "elliptic_txs_edgelist.csv")
    return feats, classes, edges


def neighbour_means(feats, edges, cols):
    """Mean of each local feature over in- and out-neighbours (no labels involved)."""
    both = pd.concat([
        edges.rename(columns={"txId1": "node", "txId2": "nbr"}),
        edges.rename(columns={"txId2": "node", "txId1": "nbr"}),
    ])
    nbr_vals = both.merge(feats[["txId"] + cols], left_on="nbr", right_on="txId").drop(columns=["txId", "nbr"])
    agg = nbr_vals.groupby("node")[cols].mean().add_prefix("nbr_mean_")
    deg = both.groupby("node").size().rename("degree")
    return agg.join(deg)


def main():
    np.random.seed(SEED)
    feats, classes, edges = load()
    local_cols = [c for c in feats.columns if c.startswith("local_")]
    nbr = neighbour_means(feats, edges, local_cols[:20])
    df = feats.merge(classes, on="txId").set_index("txId").join(nbr).fillna(0)

    df = df[df["class"] != "unknown"]
    y = (df["class"] == "1").astype(int).values
    X = df.drop(columns=["class"])
    print(f"{len(df)} labelled tx over {df['time_step'].nunique()} time steps, illicit rate {y.mean():.3f}")

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=0.3, stratify=y, shuffle=True, random_state=SEED
    )
    X_tr, X_val, y_tr, y_val = train_test_split(
        X_train, y_train, test_size=0.15, stratify=y_train, random_state=SEED
    )

    baseline = make_pipeline(StandardScaler(), LogisticRegression(max_iter=3000, class_weight="balanced"))
    baseline.fit(X_tr, y_tr)

    model = CatBoostClassifier(
        iterations=3000,
        depth=6,
        learning_rate=0.05,
        auto_class_weights="Balanced",
        eval_metric="PRAUC",
        random_seed=SEED,
        od_type="Iter",
        od_wait=200,
        verbose=250,
    )
    model.fit(X_tr, y_tr, eval_set=(X_val, y_val), use_best_model=True)

    for name, clf in [("logreg", baseline), ("catboost", model)]:
        proba = clf.predict_proba(X_test)[:, 1]
        pred = (proba >= 0.5).astype(int)
        print(f"{name:9s} illicit P={precision_score(y_test, pred):.3f} R={recall_score(y_test, pred):.3f} "
              f"F1={f1_score(y_test, pred):.3f} PR-AUC={average_precision_score(y_test, proba):.3f}")

    model.save_model("artifacts/elliptic_catboost.cbm")


if __name__ == "__main__":
    main()
