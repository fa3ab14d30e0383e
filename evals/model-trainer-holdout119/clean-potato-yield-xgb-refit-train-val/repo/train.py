import json
import sys

import pandas as pd
import xgboost as xgb
from sklearn.metrics import mean_absolute_error, r2_score

from data import feature_list, load, rmse, split_by_season


def make_model(params, seed, **overrides):
    p = {**params, **overrides}
    return xgb.XGBRegressor(tree_method="hist", enable_categorical=True, random_state=seed, **p)


def main(cfg_path="config.json"):
    cfg = json.load(open(cfg_path))
    feats, target, seed = feature_list(), cfg["target"], cfg["seed"]
    df = load(cfg["data"])
    train, val, test = split_by_season(df, cfg["train_until"], cfg["val_years"], cfg["test_years"])
    print({k: len(v) for k, v in {"train": train, "val": val, "test": test}.items()})

    # 1) number of trees chosen by early stopping on the validation seasons
    m1 = make_model(cfg["xgb"], seed)
    m1.fit(train[feats], train[target], eval_set=[(val[feats], val[target])], verbose=500)
    n_trees = m1.best_iteration + 1
    print(f"best iteration {n_trees}, val RMSE {rmse(val[target], m1.predict(val[feats], iteration_range=(0, n_trees))):.2f}")

    # 2) refit on train + validation seasons with that many trees, no early stopping
    trval = pd.concat([train, val])
    params = {k: v for k, v in cfg["xgb"].items() if k != "early_stopping_rounds"}
    final = make_model(params, seed, n_estimators=n_trees)
    final.fit(trval[feats], trval[target], verbose=False)

    # 3) test seasons, once
    pred = final.predict(test[feats])
    res = {
        "n_trees": int(n_trees),
        "test_rmse_t_ha": rmse(test[target], pred),
        "test_mae_t_ha": float(mean_absolute_error(test[target], pred)),
        "test_r2": float(r2_score(test[target], pred)),
    }
    print(json.dumps(res, indent=2))
    final.save_model("potato_yield_xgb.json")
    json.dump(res, open("test_metrics.json", "w"), indent=2)


if __name__ == "__main__":
    main(*sys.argv[1:])
