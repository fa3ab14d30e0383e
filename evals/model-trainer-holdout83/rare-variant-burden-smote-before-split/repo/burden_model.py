"""Rare-disease case prediction from per-gene rare-variant burden (exome sequencing)."""
import argparse
import json
from pathlib import Path

import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score
from sklearn.model_selection import train_test_split
from xgboost import XGBClassifier

SEED = 42
CONSEQUENCES = ("lof", "missense_damaging", "missense_other")


def build_burden_matrix(variants: pd.DataFrame, samples: pd.Index, max_af: float) -> pd.DataFrame:
    """Count qualifying rare alleles per sample x gene x consequence class."""
    rare = variants[(variants["gnomad_af"].fillna(0) < max_af) & variants["csq_class"].isin(CONSEQUENCES)]
    burden = (
        rare.groupby(["sample_id", "gene", "csq_class"])["alt_count"].sum()
        .unstack(["gene", "csq_class"], fill_value=0)
    )
    burden.columns = [f"{g}__{c}" for g, c in burden.columns]
    return burden.reindex(samples, fill_value=0)


def drop_sparse_genes(burden: pd.DataFrame, min_carriers: int) -> pd.DataFrame:
    carriers = (burden > 0).sum(axis=0)
    return burden.loc[:, carriers >= min_carriers]


def balance_classes(X, y, ratio):
    sm = SMOTE(sampling_strategy=ratio, k_neighbors=5, random_state=SEED)
    return sm.fit_resample(X, y)


def main(args):
    samples = pd.read_csv(args.samples, sep="\t", index_col="sample_id")
    variants = pd.read_parquet(args.variants)
    burden = build_burden_matrix(variants, samples.index, args.max_af)
    burden = drop_sparse_genes(burden, args.min_carriers)
    X = np.log1p(burden.values.astype(np.float32))
    y = samples["affected"].astype(int).values
    print(f"{X.shape[0]} samples, {X.shape[1]} gene-consequence features, {y.sum()} affected")

    X_bal, y_bal = balance_classes(X, y, args.smote_ratio)
    X_train, X_test, y_train, y_test = train_test_split(
        X_bal, y_bal, test_size=0.2, stratify=y_bal, random_state=SEED
    )

    baseline = LogisticRegression(penalty="l1", solver="liblinear", C=0.5)
    baseline.fit(X_train, y_train)

    model = XGBClassifier(
        n_estimators=600,
        learning_rate=0.03,
        max_depth=4,
        subsample=0.8,
        colsample_bytree=0.5,
        min_child_weight=2,
        eval_metric="aucpr",
        random_state=SEED,
        n_jobs=8,
    )
    model.fit(X_train, y_train)

    results = {}
    for name, clf in [("l1_logreg", baseline), ("xgboost", model)]:
        prob = clf.predict_proba(X_test)[:, 1]
        results[name] = {
            "auroc": float(roc_auc_score(y_test, prob)),
            "auprc": float(average_precision_score(y_test, prob)),
        }
        print(name, results[name])
    print(classification_report(y_test, model.predict(X_test), digits=3))

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "metrics.json").write_text(json.dumps(results, indent=2))
    model.save_model(out / "xgb_burden.json")
    gain = pd.Series(model.feature_importances_, index=burden.columns).sort_values(ascending=False)
    gain.head(40).to_csv(out / "top_genes.csv")


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--samples", default="data/cohort_samples.tsv")
    p.add_argument("--variants", default="data/qualifying_variants.parquet")
    p.add_argument("--max-af", type=float, default=1e-3)
    p.add_argument("--min-carriers", type=int, default=3)
    p.add_argument("--smote-ratio", type=float, default=0.5)
    p.add_argument("--out", default="runs/burden_xgb")
    main(p.parse_args())
