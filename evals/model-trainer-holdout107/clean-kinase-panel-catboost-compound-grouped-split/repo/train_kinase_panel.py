"""Multi-kinase activity classifier (pIC50 >= 7) with compounds kept disjoint across splits.

Most compounds are measured against several kinases; splits are grouped by InChIKey.
"""
import argparse
import json
from pathlib import Path

import numpy as np
import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.metrics import average_precision_score, f1_score, matthews_corrcoef, roc_auc_score
from sklearn.model_selection import StratifiedGroupKFold

from features import compound_table, to_pic50

SEED = 5
ACTIVE_PIC50 = 7.0


def grouped_holdout(y, groups, n_splits, seed):
    sgkf = StratifiedGroupKFold(n_splits=n_splits, shuffle=True, random_state=seed)
    return next(sgkf.split(np.zeros(len(y)), y, groups))


def report(y, score, thr):
    pred = (score >= thr).astype(int)
    return {"roc_auc": roc_auc_score(y, score), "pr_auc": average_precision_score(y, score),
            "f1": f1_score(y, pred), "mcc": matthews_corrcoef(y, pred), "threshold": thr}


def main(args):
    act = pd.read_csv(args.activities)
    act = act.groupby(["inchikey", "kinase"], as_index=False).agg(
        smiles=("smiles", "first"), ic50_nM=("ic50_nM", "median"), kinase_family=("kinase_family", "first"))
    act["active"] = (to_pic50(act["ic50_nM"]) >= ACTIVE_PIC50).astype(int)

    comp = compound_table(act.drop_duplicates("inchikey").set_index("inchikey")["smiles"])
    data = act[["inchikey", "kinase", "kinase_family", "active"]].join(comp, on="inchikey")
    feature_cols = ["kinase", "kinase_family"] + list(comp.columns)
    cat_cols = ["kinase", "kinase_family"]
    y, groups = data["active"].to_numpy(), data["inchikey"].to_numpy()

    trval_idx, test_idx = grouped_holdout(y, groups, n_splits=5, seed=SEED)
    tv = data.iloc[trval_idx]
    tr_pos, va_pos = grouped_holdout(tv["active"].to_numpy(), tv["inchikey"].to_numpy(), n_splits=5, seed=SEED + 1)
    train, valid, test = tv.iloc[tr_pos], tv.iloc[va_pos], data.iloc[test_idx]
    assert not set(train["inchikey"]) & set(test["inchikey"])
    print(f"rows: {len(train)}/{len(valid)}/{len(test)}  active rate {y.mean():.3f}")

    model = CatBoostClassifier(
        iterations=4000, learning_rate=0.04, depth=8, l2_leaf_reg=5,
        eval_metric="PRAUC", random_seed=SEED, od_type="Iter", od_wait=200, verbose=500,
    )
    model.fit(Pool(train[feature_cols], train["active"], cat_features=cat_cols),
              eval_set=Pool(valid[feature_cols], valid["active"], cat_features=cat_cols),
              use_best_model=True)

    p_valid = model.predict_proba(valid[feature_cols])[:, 1]
    grid = np.linspace(0.05, 0.95, 91)
    thr = float(grid[np.argmax([f1_score(valid["active"], p_valid >= t) for t in grid])])
    p_test = model.predict_proba(test[feature_cols])[:, 1]

    kinase_rate = train.groupby("kinase")["active"].mean()
    base_valid = valid["kinase"].map(kinase_rate).fillna(train["active"].mean()).to_numpy()
    base_test = test["kinase"].map(kinase_rate).fillna(train["active"].mean()).to_numpy()
    base_thr = float(grid[np.argmax([f1_score(valid["active"], base_valid >= t) for t in grid])])

    results = {"catboost": report(test["active"], p_test, thr),
               "per_kinase_base_rate": report(test["active"], base_test, base_thr)}
    print(json.dumps(results, indent=2, default=float))
    out = Path(args.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    model.save_model(str(out / "kinase_panel.cbm"))
    (out / "results.json").write_text(json.dumps(results, indent=2, default=float))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--activities", default="data/kinase_panel_ic50.csv")
    ap.add_argument("--out-dir", default="artifacts/kinase_panel")
    main(ap.parse_args())
