"""Predict fine-mapped causal cis-eQTL variants (PIP > 0.9 vs PIP < 0.01) from functional annotations.

Splits are by chromosome so that variants in LD with each other never straddle train and test.
"""
import json
from pathlib import Path

import numpy as np
import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score

SEED = 314
ANNOT = Path("data/gtex_v8_finemap_annotated.parquet")
OUT = Path("runs/causal_eqtl_catboost")
VAL_CHROMS = {"chr17", "chr18"}
TEST_CHROMS = {"chr19", "chr20", "chr21", "chr22"}

CATEGORICAL = ["vep_consequence", "chromhmm_state", "tissue"]
NUMERIC = [
    "log10_dist_tss", "phylop", "phastcons", "cadd_phred", "gc_500bp", "cpg_500bp",
    "atac_signal", "h3k27ac_signal", "h3k4me3_signal", "ctcf_motif_delta", "tf_motif_hits",
    "splice_ai_max", "maf_gnomad", "ld_score",
]


def load() -> pd.DataFrame:
    df = pd.read_parquet(ANNOT)
    df = df[(df["pip"] > 0.9) | (df["pip"] < 0.01)].copy()
    df["causal"] = (df["pip"] > 0.9).astype(int)
    df["log10_dist_tss"] = np.log10(df["dist_tss"].abs() + 1)
    df[CATEGORICAL] = df[CATEGORICAL].fillna("NA").astype(str)
    return df


def split_by_chromosome(df):
    test = df["chrom"].isin(TEST_CHROMS)
    val = df["chrom"].isin(VAL_CHROMS)
    return df[~test & ~val], df[val], df[test]


def scores(y, p):
    return {"auroc": float(roc_auc_score(y, p)), "auprc": float(average_precision_score(y, p)),
            "positive_rate": float(np.mean(y))}


def main():
    df = load()
    train, val, test = split_by_chromosome(df)
    for name, part in [("train", train), ("val", val), ("test", test)]:
        print(f"{name:5s} n={len(part):7d} causal={part['causal'].mean():.4f}")

    features = CATEGORICAL + NUMERIC
    model = CatBoostClassifier(
        iterations=4000,
        learning_rate=0.03,
        depth=6,
        l2_leaf_reg=6,
        auto_class_weights="Balanced",
        eval_metric="PRAUC",
        od_type="Iter",
        od_wait=200,
        random_seed=SEED,
        verbose=250,
    )
    model.fit(
        Pool(train[features], train["causal"], cat_features=CATEGORICAL),
        eval_set=Pool(val[features], val["causal"], cat_features=CATEGORICAL),
        use_best_model=True,
    )
    p_cb = model.predict_proba(Pool(test[features], cat_features=CATEGORICAL))[:, 1]

    num_med = train[NUMERIC].median()
    lr = LogisticRegression(max_iter=3000, class_weight="balanced")
    z_mu, z_sd = train[NUMERIC].fillna(num_med).mean(), train[NUMERIC].fillna(num_med).std() + 1e-9
    lr.fit((train[NUMERIC].fillna(num_med) - z_mu) / z_sd, train["causal"])
    p_lr = lr.predict_proba((test[NUMERIC].fillna(num_med) - z_mu) / z_sd)[:, 1]

    y_test = test["causal"].values
    results = {
        "cadd_only": scores(y_test, test["cadd_phred"].fillna(num_med["cadd_phred"]).values),
        "logistic_numeric": scores(y_test, p_lr),
        "catboost": scores(y_test, p_cb),
        "best_iteration": int(model.get_best_iteration()),
    }
    print(json.dumps(results, indent=2))
    OUT.mkdir(parents=True, exist_ok=True)
    model.save_model(str(OUT / "model.cbm"))
    (OUT / "test_metrics.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
