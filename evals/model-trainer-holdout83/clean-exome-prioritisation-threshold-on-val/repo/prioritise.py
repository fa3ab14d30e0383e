"""Rank candidate variants in diagnostic exomes; flag variants for manual review at a fixed sensitivity.

Rows are candidate variants (post-filtering) per proband; label = variant reported as diagnostic.
"""
import argparse
import json
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import average_precision_score, precision_recall_curve, roc_auc_score
from sklearn.model_selection import StratifiedGroupKFold

FEATURES = [
    "cadd_phred", "revel", "spliceai_max", "gnomad_af_popmax", "gnomad_hom", "loeuf", "pli",
    "hpo_gene_similarity", "inheritance_match", "zygosity_hom", "is_de_novo", "in_omim_gene",
    "clinvar_plp_same_pos", "gq", "allele_balance",
]


def carve(df, y, groups, seed, fold=0):
    sgkf = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=seed)
    rest, held = list(sgkf.split(df, y, groups))[fold]
    return rest, held


def threshold_for_sensitivity(y_true, scores, target):
    _, recall, thr = precision_recall_curve(y_true, scores)
    ok = np.where(recall[:-1] >= target)[0]
    return float(thr[ok[-1]])


def at_threshold(y, s, t):
    flag = s >= t
    tp = int((flag & (y == 1)).sum())
    return {
        "sensitivity": tp / max(1, int((y == 1).sum())),
        "specificity": float(((~flag) & (y == 0)).sum() / max(1, (y == 0).sum())),
        "ppv": tp / max(1, int(flag.sum())),
        "variants_flagged_per_proband": float(flag.sum()),
    }


def main(a):
    df = pd.read_parquet(a.table)
    y, groups = df["diagnostic"].astype(int).values, df["proband_id"].values
    print(f"{df['proband_id'].nunique()} probands, {len(df)} candidate variants, {y.sum()} diagnostic")

    dev, test = carve(df, y, groups, a.seed)
    tr_rel, va_rel = carve(df.iloc[dev], y[dev], groups[dev], a.seed)
    tr, va = dev[tr_rel], dev[va_rel]

    spw = float((y[tr] == 0).sum() / max(1, (y[tr] == 1).sum()))
    clf = lgb.LGBMClassifier(
        n_estimators=3000, learning_rate=0.02, num_leaves=31, min_child_samples=40,
        subsample=0.8, subsample_freq=1, colsample_bytree=0.7, scale_pos_weight=spw,
        random_state=a.seed, verbose=-1,
    )
    clf.fit(df.iloc[tr][FEATURES], y[tr], eval_set=[(df.iloc[va][FEATURES], y[va])], eval_metric="average_precision",
            callbacks=[lgb.early_stopping(150, verbose=False)])

    s_val = clf.predict_proba(df.iloc[va][FEATURES])[:, 1]
    thr = threshold_for_sensitivity(y[va], s_val, a.target_sensitivity)
    cadd_val = df.iloc[va]["cadd_phred"].fillna(0).values
    cadd_thr = threshold_for_sensitivity(y[va], cadd_val, a.target_sensitivity)

    s_test = clf.predict_proba(df.iloc[test][FEATURES])[:, 1]
    cadd_test = df.iloc[test]["cadd_phred"].fillna(0).values
    n_probands = df.iloc[test]["proband_id"].nunique()
    report = {}
    for name, s, t in [("cadd_only", cadd_test, cadd_thr), ("lightgbm", s_test, thr)]:
        r = {"auroc": roc_auc_score(y[test], s), "auprc": average_precision_score(y[test], s),
             "threshold_from_val": t, **at_threshold(y[test], s, t)}
        r["variants_flagged_per_proband"] /= n_probands
        report[name] = r
    print(json.dumps(report, indent=2))
    out = Path(a.out); out.mkdir(parents=True, exist_ok=True)
    clf.booster_.save_model(str(out / "model.txt"))
    (out / "report.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--table", default="data/exome_candidates_v3.parquet")
    ap.add_argument("--out", default="runs/exome_prioritiser")
    ap.add_argument("--seed", type=int, default=90210)
    ap.add_argument("--target-sensitivity", type=float, default=0.95)
    main(ap.parse_args())
