"""Displaced-vertex tagger for the long-lived-particle search.

Signal: LLP -> bb MC (c*tau 1-100 mm), background: 2023 data sidebands + ttbar/QCD MC.
After the DV preselection the sample is background dominated (signal is ~1% of vertices).
"""
import json
from pathlib import Path

import numpy as np
import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.dummy import DummyClassifier
from sklearn.metrics import accuracy_score
from sklearn.model_selection import train_test_split

SEED = 31
OUT = Path("runs/dv_catboost")
FEATURES = [
    "lxy_mm", "lxy_sig", "vtx_chi2_ndof", "n_tracks", "vtx_mass_GeV", "sum_pt_GeV",
    "max_track_d0_sig", "min_track_d0_sig", "track_dR_max", "material_veto_dist_mm",
    "cos_collinearity", "n_missing_hits",
]
CAT_FEATURES = ["detector_region"]


def load(path):
    df = pd.read_parquet(path)
    df = df[(df["n_tracks"] >= 2) & (df["lxy_mm"] > 4.0)]
    df["lxy_sig"] = df["lxy_mm"] / df["lxy_err_mm"]
    return df


def main():
    df = load("data/dv_candidates_preselected.parquet")
    print(df["is_signal"].value_counts())
    print(f"signal fraction after preselection: {df['is_signal'].mean():.4f}")

    X = df[FEATURES + CAT_FEATURES]
    y = df["is_signal"].astype(int)
    X_trval, X_test, y_trval, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=SEED)
    X_train, X_val, y_train, y_val = train_test_split(X_trval, y_trval, test_size=0.2, stratify=y_trval,
                                                      random_state=SEED)

    model = CatBoostClassifier(
        iterations=3000, learning_rate=0.05, depth=7, l2_leaf_reg=5,
        loss_function="Logloss", eval_metric="Logloss",
        od_type="Iter", od_wait=150, random_seed=SEED, verbose=250,
    )
    model.fit(Pool(X_train, y_train, cat_features=CAT_FEATURES),
              eval_set=Pool(X_val, y_val, cat_features=CAT_FEATURES), use_best_model=True)

    baseline = DummyClassifier(strategy="most_frequent").fit(X_train, y_train)
    results = {
        "dummy_accuracy": accuracy_score(y_test, baseline.predict(X_test)),
        "catboost_accuracy": accuracy_score(y_test, model.predict(X_test)),
        "best_iteration": model.get_best_iteration(),
    }
    print(json.dumps(results, indent=2))

    OUT.mkdir(parents=True, exist_ok=True)
    model.save_model(str(OUT / "dv_tagger.cbm"))
    (OUT / "metrics.json").write_text(json.dumps(results, indent=2))
    imp = pd.Series(model.get_feature_importance(), index=FEATURES + CAT_FEATURES).sort_values(ascending=False)
    print(imp.head(10))


if __name__ == "__main__":
    main()
