"""Speech emotion recognition on eGeMAPS functionals (openSMILE) for the support-call corpus.

Label distribution in the annotated set (v4, 18.2k utterances):
    neutral 61.8%, frustrated 14.9%, happy 10.7%, angry 7.9%, sad 4.7%
"""
import argparse
import json
from pathlib import Path

import numpy as np
import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.metrics import accuracy_score
from sklearn.model_selection import GroupShuffleSplit

LABELS = ["neutral", "frustrated", "happy", "angry", "sad"]


def load(path):
    df = pd.read_csv(path)
    df = df[df["emotion"].isin(LABELS)].reset_index(drop=True)
    df["y"] = df["emotion"].map({l: i for i, l in enumerate(LABELS)})
    feat_cols = [c for c in df.columns if c.startswith("egemaps_")]
    return df, feat_cols


def speaker_split(df, seed):
    gss = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=seed)
    dev_idx, test_idx = next(gss.split(df, groups=df["caller_id"]))
    dev, test = df.iloc[dev_idx], df.iloc[test_idx]
    gss_val = GroupShuffleSplit(n_splits=1, test_size=0.15, random_state=seed)
    tr_idx, val_idx = next(gss_val.split(dev, groups=dev["caller_id"]))
    return dev.iloc[tr_idx], dev.iloc[val_idx], test


def main(args):
    df, feat_cols = load(args.features)
    print(df["emotion"].value_counts(normalize=True).round(3))
    train, val, test = speaker_split(df, args.seed)
    cat_cols = ["channel", "gender"]
    cols = feat_cols + cat_cols

    train_pool = Pool(train[cols], train["y"], cat_features=cat_cols)
    val_pool = Pool(val[cols], val["y"], cat_features=cat_cols)
    test_pool = Pool(test[cols], test["y"], cat_features=cat_cols)

    model = CatBoostClassifier(
        loss_function="MultiClass",
        iterations=3000,
        learning_rate=0.05,
        depth=6,
        l2_leaf_reg=5,
        auto_class_weights="SqrtBalanced",
        random_seed=args.seed,
        od_type="Iter",
        od_wait=150,
        verbose=250,
    )
    model.fit(train_pool, eval_set=val_pool, use_best_model=True)

    majority = train["y"].mode()[0]
    baseline_acc = accuracy_score(test["y"], np.full(len(test), majority))
    test_pred = model.predict(test_pool).ravel().astype(int)
    test_acc = accuracy_score(test["y"], test_pred)
    print(f"majority-class accuracy: {baseline_acc:.4f}")
    print(f"catboost accuracy:       {test_acc:.4f}")

    out = Path(args.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    model.save_model(str(out / "ser_catboost.cbm"))
    (out / "metrics.json").write_text(json.dumps({
        "baseline_accuracy": baseline_acc,
        "test_accuracy": test_acc,
        "best_iteration": model.get_best_iteration(),
    }, indent=2))


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--features", default="data/egemaps_v4.csv")
    p.add_argument("--out-dir", default="models/ser_v4")
    p.add_argument("--seed", type=int, default=21)
    main(p.parse_args())
