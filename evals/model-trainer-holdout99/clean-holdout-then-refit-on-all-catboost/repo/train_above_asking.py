"""Will a listing sell above asking price? Listing-description embeddings (PCA) + tabular -> CatBoost.

Embeddings come from the listings-embedder service (gte-large, 1024-d) and are stored next to the
listing export. Procedure: hold out 20%, tune early stopping and the decision threshold on a
validation slice of the training part, report on the hold-out, then refit on everything for serving.
"""
import json
from pathlib import Path

import numpy as np
import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.decomposition import PCA
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, f1_score, precision_recall_curve, roc_auc_score
from sklearn.model_selection import train_test_split

SEED = 77
N_PCA = 48
CAT_COLS = ["city", "property_type"]
NUM_COLS = ["asking_price", "living_area_m2", "rooms", "days_since_renovation", "energy_label_rank"]
OUT = Path("artifacts/above_asking")


def make_frame(df: pd.DataFrame, emb: np.ndarray, pca: PCA) -> pd.DataFrame:
    comps = pd.DataFrame(pca.transform(emb), columns=[f"desc_pc{i}" for i in range(pca.n_components_)], index=df.index)
    return pd.concat([df[CAT_COLS + NUM_COLS], comps], axis=1)


def fit_catboost(X, y, iterations, eval_set=None):
    model = CatBoostClassifier(iterations=iterations, learning_rate=0.04, depth=6, l2_leaf_reg=5,
                               eval_metric="Logloss", random_seed=SEED, verbose=200)
    model.fit(Pool(X, y, cat_features=CAT_COLS),
              eval_set=Pool(*eval_set, cat_features=CAT_COLS) if eval_set else None,
              early_stopping_rounds=200 if eval_set else None)
    return model


def main():
    np.random.seed(SEED)
    OUT.mkdir(parents=True, exist_ok=True)
    df = pd.read_parquet("data/listings_sold_2023_2024.parquet").reset_index(drop=True)
    emb = np.load("data/listings_sold_2023_2024.gte_large.npy")
    y = (df["sold_price"] > df["asking_price"]).astype(int).to_numpy()

    idx_tr, idx_te = train_test_split(np.arange(len(df)), test_size=0.2, stratify=y, random_state=SEED)
    idx_fit, idx_val = train_test_split(idx_tr, test_size=0.15, stratify=y[idx_tr], random_state=SEED)

    pca = PCA(n_components=N_PCA, random_state=SEED).fit(emb[idx_fit])
    X_fit, X_val, X_te = (make_frame(df.iloc[i], emb[i], pca) for i in (idx_fit, idx_val, idx_te))

    model = fit_catboost(X_fit, y[idx_fit], iterations=4000, eval_set=(X_val, y[idx_val]))
    best_iter = model.get_best_iteration() + 1

    val_proba = model.predict_proba(X_val)[:, 1]
    prec, rec, thr = precision_recall_curve(y[idx_val], val_proba)
    f1s = 2 * prec[:-1] * rec[:-1] / np.clip(prec[:-1] + rec[:-1], 1e-9, None)
    threshold = float(thr[np.argmax(f1s)])

    baseline = LogisticRegression(max_iter=3000).fit(np.log1p(X_fit[NUM_COLS]), y[idx_fit])
    te_proba = model.predict_proba(X_te)[:, 1]
    base_proba = baseline.predict_proba(np.log1p(X_te[NUM_COLS]))[:, 1]
    report = {
        "best_iteration": best_iter,
        "threshold_from_val": threshold,
        "catboost": {"roc_auc": roc_auc_score(y[idx_te], te_proba),
                     "pr_auc": average_precision_score(y[idx_te], te_proba),
                     "brier": brier_score_loss(y[idx_te], te_proba),
                     "f1_at_val_threshold": f1_score(y[idx_te], (te_proba >= threshold).astype(int))},
        "numeric_logreg": {"roc_auc": roc_auc_score(y[idx_te], base_proba),
                           "pr_auc": average_precision_score(y[idx_te], base_proba)},
    }
    print(json.dumps(report, indent=2, default=float))
    (OUT / "holdout_report.json").write_text(json.dumps(report, indent=2, default=float))

    pca_all = PCA(n_components=N_PCA, random_state=SEED).fit(emb)
    X_all = make_frame(df, emb, pca_all)
    final = fit_catboost(X_all, y, iterations=int(best_iter * 1.1))
    final.save_model(str(OUT / "catboost_final.cbm"))
    pd.to_pickle({"pca": pca_all, "threshold": threshold}, OUT / "preprocess.pkl")


if __name__ == "__main__":
    main()
