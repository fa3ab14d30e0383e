import itertools

import numpy as np
import pandas as pd
import yaml
from catboost import CatBoostClassifier
from sklearn.metrics import average_precision_score, roc_auc_score

from splits import catchment_folds, holdout_catchments


def fit_model(p, cb_params, seed, depth, l2, X, y, cat_cols):
    m = CatBoostClassifier(**cb_params, depth=depth, l2_leaf_reg=l2, random_seed=seed, cat_features=cat_cols)
    return m.fit(X, y)


def main():
    p = yaml.safe_load(open("params.yaml"))
    feats = p["numeric"] + p["categorical"]

    df = pd.read_parquet(p["table"])
    df["dist_river_m"] = np.log1p(df["dist_river_m"])
    df["upstream_area_km2"] = np.log10(df["upstream_area_km2"] + 1)
    for c in p["categorical"]:
        df[c] = df[c].fillna("unknown").astype(str)

    train, test = holdout_catchments(df, p["group"], p["test_frac"], p["seed"])
    print(f"train {len(train)} cells / {train[p['group']].nunique()} catchments; "
          f"test {len(test)} cells / {test[p['group']].nunique()} catchments")

    folds = catchment_folds(train, p["label"], p["group"], p["cv_folds"], p["seed"])
    results = {}
    for depth, l2 in itertools.product(p["search"]["depth"], p["search"]["l2_leaf_reg"]):
        aps = []
        for tr_idx, va_idx in folds:
            tr, va = train.iloc[tr_idx], train.iloc[va_idx]
            m = fit_model(p, p["catboost"], p["seed"], depth, l2, tr[feats], tr[p["label"]], p["categorical"])
            aps.append(average_precision_score(va[p["label"]], m.predict_proba(va[feats])[:, 1]))
        results[(depth, l2)] = np.mean(aps)
        print(f"depth={depth} l2={l2}: CV PR-AUC {np.mean(aps):.4f} (min {np.min(aps):.4f})")

    depth, l2 = max(results, key=results.get)
    final = fit_model(p, p["catboost"], p["seed"], depth, l2, train[feats], train[p["label"]], p["categorical"])
    prob = final.predict_proba(test[feats])[:, 1]
    print(f"chosen depth={depth} l2_leaf_reg={l2}")
    print(f"held-out catchments ROC AUC {roc_auc_score(test[p['label']], prob):.4f}  "
          f"PR AUC {average_precision_score(test[p['label']], prob):.4f}  base rate {test[p['label']].mean():.4f}")
    final.save_model("catboost_flood_cells.cbm")


if __name__ == "__main__":
    main()
