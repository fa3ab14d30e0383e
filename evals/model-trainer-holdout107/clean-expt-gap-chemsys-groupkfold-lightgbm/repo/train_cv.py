"""Grouped 5-fold CV for experimental band gaps (matbench_expt_gap) with LightGBM.

Folds are grouped by chemical system (e.g. all Ga-N and Ga-In-N entries stay together),
a harder setting than random K-fold for composition models.
"""
import argparse
import json
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd
import yaml
from sklearn.impute import SimpleImputer
from sklearn.linear_model import RidgeCV
from sklearn.model_selection import GroupKFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from matml.cv import carve_early_stopping_set, regression_metrics
from matml.featurize import featurize


def main(cfg):
    seed = cfg["seed"]
    np.random.seed(seed)
    raw = pd.read_json(cfg["data"]["path"])
    df, magpie_cols, frac_cols = featurize(raw, cfg["data"]["formula_col"])
    X = df[magpie_cols].to_numpy(dtype=float)
    X_frac = df[frac_cols].to_numpy(dtype=float)
    y = df[cfg["data"]["target_col"]].to_numpy(dtype=float)
    groups = df["chemsys"].to_numpy()
    print(f"{len(df)} compositions in {len(np.unique(groups))} chemical systems")

    lgb_params = dict(cfg["lgbm"])
    stop_rounds = lgb_params.pop("early_stopping_rounds")
    fold_rows, best_iters = [], []
    for fold, (tr, te) in enumerate(GroupKFold(n_splits=cfg["cv"]["n_splits"]).split(X, y, groups)):
        fit_idx, es_idx = carve_early_stopping_set(tr, groups, cfg["cv"]["early_stopping_fraction"], seed + fold)

        imputer = SimpleImputer(strategy="median").fit(X[fit_idx])
        model = lgb.LGBMRegressor(objective="l1", random_state=seed, verbose=-1, **lgb_params)
        model.fit(
            imputer.transform(X[fit_idx]), y[fit_idx],
            eval_set=[(imputer.transform(X[es_idx]), y[es_idx])],
            callbacks=[lgb.early_stopping(stop_rounds, verbose=False)],
        )
        best_iters.append(model.best_iteration_)

        ridge = make_pipeline(StandardScaler(), RidgeCV(alphas=np.logspace(-3, 2, 11))).fit(X_frac[tr], y[tr])
        mean_pred = np.full(len(te), y[tr].mean())

        row = {"fold": fold, "n_test": len(te)}
        for name, pred in [
            ("lgbm", model.predict(imputer.transform(X[te]))),
            ("ridge_element_fraction", ridge.predict(X_frac[te])),
            ("train_mean", mean_pred),
        ]:
            row.update({f"{name}_{k}": v for k, v in regression_metrics(y[te], pred).items()})
        fold_rows.append(row)
        print(f"fold {fold}: lgbm MAE {row['lgbm_mae']:.3f} eV | ridge {row['ridge_element_fraction_mae']:.3f} | mean {row['train_mean_mae']:.3f}")

    folds = pd.DataFrame(fold_rows)
    summary = folds.drop(columns=["fold", "n_test"]).agg(["mean", "std"]).T
    print(summary.round(3))

    out = Path(cfg["output_dir"])
    out.mkdir(parents=True, exist_ok=True)
    folds.to_csv(out / "grouped_cv_folds.csv", index=False)
    summary.to_csv(out / "grouped_cv_summary.csv")
    (out / "best_iterations.json").write_text(json.dumps([int(b) for b in best_iters]))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/expt_gap.yaml")
    main(yaml.safe_load(open(ap.parse_args().config)))
