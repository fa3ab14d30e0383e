"""Will a mainshock (Mw >= 6) be followed by an Mw >= 5 aftershock within 30 days?

Features are available 24 h after the mainshock. Chronological protocol:
  fit   : mainshocks 1990-2013
  valid : 2014-2018 (early stopping)
  test  : 2019-2023 (reported once)
"""
import argparse
import json
import logging

import lightgbm as lgb
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from sklearn.decomposition import PCA
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

log = logging.getLogger("aftershock")
SEED = 4
FEATS = ["mw", "depth_km", "rake_class", "n_aft_24h", "max_aft_24h", "omori_c_24h", "b_value_region",
         "slab_dist_km", "strain_rate", "n_prior_m5_10y", "is_subduction"]


def plot_feature_space(shocks, path="eda_pca.png"):
    """Descriptive picture of the whole catalogue; nothing here feeds the model."""
    Z_all = PCA(n_components=2, random_state=SEED).fit_transform(StandardScaler().fit_transform(shocks[FEATS]))
    fig, ax = plt.subplots(figsize=(6, 5))
    sc = ax.scatter(Z_all[:, 0], Z_all[:, 1], c=shocks["m5_within_30d"], cmap="coolwarm", s=6, alpha=0.7)
    fig.colorbar(sc, label="M5+ within 30 d")
    ax.set_title("Catalogue in PCA space (all years)")
    fig.savefig(path, dpi=120)
    plt.close(fig)


def scores(y, p):
    return {"roc_auc": roc_auc_score(y, p), "pr_auc": average_precision_score(y, p), "brier": brier_score_loss(y, p)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--catalog", default="data/mainshocks_mw6_1990_2023.csv")
    args = ap.parse_args()

    shocks = pd.read_csv(args.catalog, parse_dates=["origin_time"]).sort_values("origin_time")
    plot_feature_space(shocks)

    yr = shocks["origin_time"].dt.year
    fit, valid, test = shocks[yr <= 2013], shocks[(yr >= 2014) & (yr <= 2018)], shocks[yr >= 2019]
    target = "m5_within_30d"
    log.info("fit %d (pos %.3f) | valid %d | test %d", len(fit), fit[target].mean(), len(valid), len(test))

    gbm = lgb.LGBMClassifier(n_estimators=4000, learning_rate=0.02, num_leaves=15, min_child_samples=25,
                             subsample=0.8, subsample_freq=1, colsample_bytree=0.8, reg_lambda=1.0,
                             random_state=SEED, verbose=-1)
    gbm.fit(fit[FEATS], fit[target], eval_set=[(valid[FEATS], valid[target])], eval_metric="binary_logloss",
            callbacks=[lgb.early_stopping(150, verbose=False)])
    log.info("best iteration %d", gbm.best_iteration_)

    # physics-flavoured baseline: productivity (Mw, first-day count) only
    base = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000))
    base.fit(fit[["mw", "n_aft_24h"]], fit[target])

    out = {
        "valid_lgbm": scores(valid[target], gbm.predict_proba(valid[FEATS])[:, 1]),
        "test_lgbm": scores(test[target], gbm.predict_proba(test[FEATS])[:, 1]),
        "test_baseline": scores(test[target], base.predict_proba(test[["mw", "n_aft_24h"]])[:, 1]),
        "test_climatology_brier": brier_score_loss(test[target], np.full(len(test), fit[target].mean())),
    }
    print(json.dumps(out, indent=2))
    gbm.booster_.save_model("aftershock_lgbm.txt")


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
