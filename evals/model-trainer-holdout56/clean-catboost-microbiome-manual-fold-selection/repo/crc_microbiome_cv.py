"""Colorectal cancer vs. control from shotgun metagenomic species profiles (MetaPhlAn4), 4 cohorts."""
import argparse
import json

import numpy as np
import pandas as pd
from catboost import CatBoostClassifier
from sklearn.feature_selection import SelectKBest, mutual_info_classif
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import StratifiedKFold, train_test_split
from sklearn.pipeline import make_pipeline

SEED = 314
N_FOLDS = 10
MIN_PREVALENCE = 0.1
K_SPECIES = 150


def clr(rel_abund, pseudo=1e-6):
    """Centred log-ratio of each sample's relative abundances."""
    logx = np.log(rel_abund + pseudo)
    return logx - logx.mean(axis=1, keepdims=True)


def fit_fold(X_tr, y_tr, X_te, seed):
    prevalent = (X_tr > 0).mean(axis=0) >= MIN_PREVALENCE
    Z_tr, Z_te = clr(X_tr[:, prevalent]), clr(X_te[:, prevalent])

    selector = SelectKBest(lambda X, y: mutual_info_classif(X, y, random_state=seed),
                           k=min(K_SPECIES, Z_tr.shape[1]))
    Z_tr = selector.fit_transform(Z_tr, y_tr)
    Z_te = selector.transform(Z_te)

    Z_fit, Z_es, y_fit, y_es = train_test_split(Z_tr, y_tr, test_size=0.15, stratify=y_tr, random_state=seed)
    model = CatBoostClassifier(iterations=3000, learning_rate=0.03, depth=5, l2_leaf_reg=5,
                               eval_metric="AUC", random_seed=seed, verbose=0, od_type="Iter", od_wait=150)
    model.fit(Z_fit, y_fit, eval_set=(Z_es, y_es), use_best_model=True)
    return model.predict_proba(Z_te)[:, 1]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--profiles", default="data/metaphlan4_species_relab.tsv")
    ap.add_argument("--meta", default="data/crc_samples.tsv")
    ap.add_argument("--out", default="results/crc_cv.json")
    args = ap.parse_args()
    np.random.seed(SEED)

    prof = pd.read_csv(args.profiles, sep="\t", index_col=0).T / 100.0
    meta = pd.read_csv(args.meta, sep="\t", index_col="sample_id").loc[prof.index]
    y = (meta["study_condition"] == "CRC").astype(int).to_numpy()
    X = prof.to_numpy()
    print(f"{len(y)} samples ({y.sum()} CRC) from {meta['study_name'].nunique()} studies; {X.shape[1]} species")

    oof_cb = np.zeros(len(y))
    oof_ref = np.zeros(len(y))
    covars = meta[["age", "bmi"]].to_numpy()
    skf = StratifiedKFold(n_splits=N_FOLDS, shuffle=True, random_state=SEED)
    for fold, (tr, te) in enumerate(skf.split(X, y)):
        oof_cb[te] = fit_fold(X[tr], y[tr], X[te], SEED + fold)
        ref = make_pipeline(SimpleImputer(strategy="median"), LogisticRegression(max_iter=1000))
        ref.fit(covars[tr], y[tr])
        oof_ref[te] = ref.predict_proba(covars[te])[:, 1]
        print(f"fold {fold}: AUC {roc_auc_score(y[te], oof_cb[te]):.3f}")

    res = {name: {"roc_auc": roc_auc_score(y, p), "pr_auc": average_precision_score(y, p),
                  "brier": brier_score_loss(y, p)}
           for name, p in [("catboost_species", oof_cb), ("age_bmi_logreg", oof_ref)]}
    print(json.dumps(res, indent=2))
    with open(args.out, "w") as fh:
        json.dump(res, fh, indent=2)


if __name__ == "__main__":
    main()
