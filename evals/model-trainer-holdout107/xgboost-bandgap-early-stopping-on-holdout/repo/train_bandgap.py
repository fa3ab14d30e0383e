"""Gradient-boosted band-gap regressor on precomputed Magpie features (Materials Project)."""
import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import xgboost as xgb
import yaml
from sklearn.dummy import DummyRegressor
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit


def load_params(path="params.yaml"):
    with open(path) as fh:
        return yaml.safe_load(fh)


def load_features(cfg):
    df = pd.read_csv(cfg["data"]["features_csv"])
    df = df[df[cfg["data"]["target"]].notna()]
    drop = {cfg["data"]["target"], cfg["data"]["group_col"], "material_id", "formula"}
    feature_cols = [c for c in df.columns if c not in drop]
    return df, feature_cols


def split_by_chemsys(df, cfg):
    gss = GroupShuffleSplit(n_splits=1, test_size=cfg["data"]["holdout_fraction"], random_state=cfg["seed"])
    train_idx, holdout_idx = next(gss.split(df, groups=df[cfg["data"]["group_col"]]))
    return df.iloc[train_idx], df.iloc[holdout_idx]


def report(y_true, y_pred, metal_cut):
    return {
        "mae_eV": float(mean_absolute_error(y_true, y_pred)),
        "rmse_eV": float(np.sqrt(mean_squared_error(y_true, y_pred))),
        "r2": float(r2_score(y_true, y_pred)),
        "metal_vs_nonmetal_auc": float(roc_auc_score(y_true > metal_cut, y_pred)),
    }


def main(params_path):
    cfg = load_params(params_path)
    df, feature_cols = load_features(cfg)
    train_df, holdout_df = split_by_chemsys(df, cfg)
    target = cfg["data"]["target"]
    X_train, y_train = train_df[feature_cols], train_df[target]
    X_holdout, y_holdout = holdout_df[feature_cols], holdout_df[target]
    print(f"train {len(train_df)} rows / holdout {len(holdout_df)} rows "
          f"({holdout_df[cfg['data']['group_col']].nunique()} unseen chemical systems)")

    model = xgb.XGBRegressor(
        objective="reg:squarederror",
        eval_metric="mae",
        random_state=cfg["seed"],
        n_jobs=-1,
        **cfg["xgb"],
    )
    model.fit(X_train, y_train, eval_set=[(X_holdout, y_holdout)], verbose=250)
    print(f"best iteration: {model.best_iteration}")

    baseline = DummyRegressor(strategy="median").fit(X_train, y_train)
    cut = cfg["classify_metal_below_ev"]
    results = {
        "xgb_holdout": report(y_holdout, model.predict(X_holdout), cut),
        "median_baseline_holdout": report(y_holdout, baseline.predict(X_holdout), cut),
        "best_iteration": int(model.best_iteration),
    }
    print(json.dumps(results, indent=2))

    out = Path("artifacts")
    out.mkdir(exist_ok=True)
    model.save_model(out / "xgb_bandgap.json")
    (out / "holdout_metrics.json").write_text(json.dumps(results, indent=2))

    importances = pd.Series(model.feature_importances_, index=feature_cols).sort_values(ascending=False)
    importances.head(25).to_csv(out / "top_features.csv")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "params.yaml")
