"""Malware family classifier on static PE features (pefile + LIEF extraction, see extract/)."""
import argparse

import numpy as np
import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.metrics import classification_report, f1_score
from sklearn.preprocessing import LabelEncoder

from splits import holdout_by_group, inner_folds

META = ["sha256", "imphash", "family", "first_seen"]
CAT_FEATS = ["machine", "subsystem", "linker_version", "packer_guess"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--features", default="data/pe_features.parquet")
    ap.add_argument("--min-family-size", type=int, default=40)
    ap.add_argument("--seed", type=int, default=77)
    args = ap.parse_args()

    df = pd.read_parquet(args.features)
    df["imphash"] = df["imphash"].fillna("no_imports_" + df["sha256"])  # ungrouped -> own group
    sizes = df["family"].value_counts()
    df = df[df["family"].isin(sizes[sizes >= args.min_family_size].index)].reset_index(drop=True)

    le = LabelEncoder().fit(df["family"])
    y = le.transform(df["family"])
    groups = df["imphash"].values
    X = df.drop(columns=META)
    X[CAT_FEATS] = X[CAT_FEATS].astype(str)

    tr_idx, te_idx = holdout_by_group(y, groups, n_splits=5, seed=args.seed)
    X_tr, y_tr, g_tr = X.iloc[tr_idx], y[tr_idx], groups[tr_idx]
    X_te, y_te = X.iloc[te_idx], y[te_idx]
    print(f"{len(le.classes_)} families | train {len(tr_idx)} | test {len(te_idx)}")

    params = dict(loss_function="MultiClass", depth=8, learning_rate=0.08, l2_leaf_reg=5,
                  iterations=3000, od_type="Iter", od_wait=150, random_seed=args.seed,
                  auto_class_weights="SqrtBalanced", verbose=0, thread_count=-1)

    best_iters, cv_f1 = [], []
    for k, (a, b) in enumerate(inner_folds(y_tr, g_tr, n_splits=4, seed=args.seed)):
        m = CatBoostClassifier(**params)
        m.fit(Pool(X_tr.iloc[a], y_tr[a], cat_features=CAT_FEATS),
              eval_set=Pool(X_tr.iloc[b], y_tr[b], cat_features=CAT_FEATS), use_best_model=True)
        pred_b = m.predict(X_tr.iloc[b]).ravel().astype(int)
        cv_f1.append(f1_score(y_tr[b], pred_b, average="macro"))
        best_iters.append(m.get_best_iteration())
        print(f"fold {k}: macro F1 {cv_f1[-1]:.4f} best_iter {best_iters[-1]}")
    print(f"CV macro F1 {np.mean(cv_f1):.4f} ± {np.std(cv_f1):.4f}")

    final_params = {**params, "iterations": int(np.median(best_iters)) + 1}
    final_params.pop("od_type"), final_params.pop("od_wait")
    final = CatBoostClassifier(**final_params)
    final.fit(Pool(X_tr, y_tr, cat_features=CAT_FEATS))

    pred = final.predict(Pool(X_te, cat_features=CAT_FEATS)).ravel().astype(int)
    print(classification_report(y_te, pred, labels=np.arange(len(le.classes_)),
                                target_names=le.classes_, digits=3, zero_division=0))
    print(f"held-out (unseen imphash groups) macro F1: {f1_score(y_te, pred, average='macro'):.4f}")
    final.save_model("models/pe_family_cb.cbm")


if __name__ == "__main__":
    main()
