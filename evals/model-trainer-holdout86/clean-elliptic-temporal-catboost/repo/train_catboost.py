"""Illicit-transaction classifier on Elliptic with a temporal split.

Time steps 1-30 train, 31-34 validation (early stopping + threshold), 35-49 test.
Graph context is added as the mean of neighbouring transactions' local features (no labels used).
"""
import json

import numpy as np
import pandas as pd
import scipy.sparse as sp
from catboost import CatBoostClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, precision_recall_curve, precision_score, recall_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

ROOT = "data/elliptic_bitcoin_dataset"
SEED = 3
TRAIN_END, VAL_END = 30, 34


def load():
    feats = pd.read_csv(f"{ROOT}/elliptic_txs_features.csv", header=None)
    feats.columns = ["txId", "time_step"] + [f"local_{i}" for i in range(93)] + [f"agg_{i}" for i in range(72)]
    classes = pd.read_csv(f"{ROOT}/elliptic_txs_classes.csv")
    edges = pd.read_csv(f"{ROOT}/elliptic_txs_edgelist.csv")
    df = feats.merge(classes, on="txId")
    df["y"] = df["class"].map({"1": 1, "2": 0})
    return df, edges


def neighbour_means(df, edges, cols):
    pos = pd.Series(np.arange(len(df)), index=df["txId"])
    src, dst = pos[edges["txId1"]].to_numpy(), pos[edges["txId2"]].to_numpy()
    n = len(df)
    adj = sp.coo_matrix((np.ones(len(src)), (src, dst)), shape=(n, n)).tocsr()
    adj = adj + adj.T
    deg = np.asarray(adj.sum(axis=1)).ravel()
    inv = sp.diags(1.0 / np.maximum(deg, 1.0))
    nbr = inv @ adj @ df[cols].to_numpy()
    out = pd.DataFrame(nbr, columns=[f"nbr_{c}" for c in cols], index=df.index)
    out["degree"] = deg
    return out


def best_f1_threshold(y, p):
    prec, rec, thr = precision_recall_curve(y, p)
    f1 = 2 * prec[:-1] * rec[:-1] / np.clip(prec[:-1] + rec[:-1], 1e-9, None)
    return float(thr[np.argmax(f1)])


def scores(y, p, thr):
    pred = (p >= thr).astype(int)
    return {"pr_auc": average_precision_score(y, p), "f1": f1_score(y, pred),
            "precision": precision_score(y, pred), "recall": recall_score(y, pred), "threshold": thr}


def main():
    df, edges = load()
    local_cols = [c for c in df.columns if c.startswith("local_")]
    df = pd.concat([df, neighbour_means(df, edges, local_cols)], axis=1)
    feature_cols = local_cols + [c for c in df.columns if c.startswith("nbr_")] + ["degree"]

    lab = df[df["y"].notna()]
    train = lab[lab["time_step"] <= TRAIN_END]
    val = lab[(lab["time_step"] > TRAIN_END) & (lab["time_step"] <= VAL_END)]
    test = lab[lab["time_step"] > VAL_END]
    print({k: (len(v), round(v["y"].mean(), 3)) for k, v in [("train", train), ("val", val), ("test", test)]})

    cb = CatBoostClassifier(iterations=3000, learning_rate=0.03, depth=6, loss_function="Logloss",
                            eval_metric="PRAUC", auto_class_weights="Balanced", random_seed=SEED,
                            od_type="Iter", od_wait=200, verbose=250)
    cb.fit(train[feature_cols], train["y"], eval_set=(val[feature_cols], val["y"]), use_best_model=True)

    logreg = make_pipeline(StandardScaler(), LogisticRegression(max_iter=3000, class_weight="balanced"))
    logreg.fit(train[local_cols], train["y"])

    results = {}
    for name, model, cols in [("catboost_graph", cb, feature_cols), ("logreg_local", logreg, local_cols)]:
        thr = best_f1_threshold(val["y"], model.predict_proba(val[cols])[:, 1])
        results[name] = scores(test["y"], model.predict_proba(test[cols])[:, 1], thr)
    print(json.dumps(results, indent=2))
    cb.save_model("catboost_elliptic.cbm")


if __name__ == "__main__":
    main()
