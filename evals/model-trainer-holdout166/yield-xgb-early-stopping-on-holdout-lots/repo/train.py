import json
import os
import sys

import numpy as np
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.model_selection import GroupShuffleSplit
from xgboost import XGBRegressor

from features import add_ratio_features, load_frame, select_columns


def main(cfg_path="config.json"):
    with open(cfg_path) as f:
        cfg = json.load(f)

    df = add_ratio_features(load_frame(cfg["data"]["path"]))
    X, y, groups = select_columns(df, cfg)
    print(f"{len(X)} wafers, {groups.nunique()} lots, {X.shape[1]} features")

    splitter = GroupShuffleSplit(n_splits=1, test_size=cfg["split"]["holdout_frac"], random_state=cfg["split"]["seed"])
    tr, ho = next(splitter.split(X, y, groups))
    X_tr, y_tr = X.iloc[tr], y.iloc[tr]
    X_ho, y_ho = X.iloc[ho], y.iloc[ho]

    model = XGBRegressor(
        objective="reg:squarederror",
        tree_method="hist",
        eval_metric="rmse",
        random_state=cfg["split"]["seed"],
        **cfg["xgb"],
    )
    model.fit(X_tr, y_tr, eval_set=[(X_tr, y_tr), (X_ho, y_ho)], verbose=200)
    print("best iteration:", model.best_iteration)

    pred = model.predict(X_ho)
    rmse = mean_squared_error(y_ho, pred) ** 0.5
    print(f"holdout RMSE {rmse:.3f} pct-pts | MAE {mean_absolute_error(y_ho, pred):.3f} | R2 {r2_score(y_ho, pred):.3f}")
    baseline = mean_squared_error(y_ho, np.full(len(y_ho), y_tr.mean())) ** 0.5
    print(f"mean-yield baseline RMSE {baseline:.3f}")

    os.makedirs(os.path.dirname(cfg["model_out"]), exist_ok=True)
    model.save_model(cfg["model_out"])


if __name__ == "__main__":
    main(*sys.argv[1:])
