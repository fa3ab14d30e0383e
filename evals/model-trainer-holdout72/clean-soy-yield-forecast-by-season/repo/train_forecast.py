"""County soybean yield forecast (end of August), trained on past seasons only."""
import itertools
import json
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score

from yieldcast.features import add_history_features, feature_columns

CFG = json.loads(Path("configs/soy_forecast.json").read_text())
SEED = CFG["seed"]


def rmse(a, b):
    return float(np.sqrt(mean_squared_error(a, b)))


def scores(y, p):
    return {"rmse": rmse(y, p), "mae": float(mean_absolute_error(y, p)), "r2": float(r2_score(y, p))}


def main():
    df = pd.read_parquet(CFG["table"])
    df = add_history_features(df)
    feats = feature_columns(df)

    train = df[df["year"] <= CFG["train_end"]]
    val = df[(df["year"] > CFG["train_end"]) & (df["year"] <= CFG["val_end"])]
    test = df[df["year"] > CFG["val_end"]]
    print(f"train {train.year.min()}-{train.year.max()} ({len(train)}), "
          f"val {val.year.min()}-{val.year.max()} ({len(val)}), "
          f"test {test.year.min()}-{test.year.max()} ({len(test)})")

    grid = CFG["grid"]
    best = None
    for num_leaves, min_child, lr in itertools.product(grid["num_leaves"], grid["min_child_samples"], grid["learning_rate"]):
        model = lgb.LGBMRegressor(
            n_estimators=5000, learning_rate=lr, num_leaves=num_leaves, min_child_samples=min_child,
            subsample=0.8, subsample_freq=1, colsample_bytree=0.8, random_state=SEED, verbose=-1,
        )
        model.fit(train[feats], train["yield_bu_ac"],
                  eval_set=[(val[feats], val["yield_bu_ac"])],
                  callbacks=[lgb.early_stopping(200, verbose=False)])
        val_rmse = rmse(val["yield_bu_ac"], model.predict(val[feats]))
        if best is None or val_rmse < best[0]:
            best = (val_rmse, model, dict(num_leaves=num_leaves, min_child_samples=min_child, learning_rate=lr))
    val_rmse, model, params = best
    print(f"selected on validation seasons: {params}, val RMSE {val_rmse:.2f}, "
          f"trees {model.best_iteration_}")

    results = {
        "last_year": scores(test["yield_bu_ac"], test["yield_lag1"]),
        "trailing_5y_mean": scores(test["yield_bu_ac"], test["yield_trail5"]),
        "county_trend": scores(test["yield_bu_ac"], test["trend_pred"]),
        "lightgbm": scores(test["yield_bu_ac"], model.predict(test[feats])),
    }
    for k, v in results.items():
        print(f"TEST {k:>16}: " + "  ".join(f"{m} {x:.3f}" for m, x in v.items()))

    per_year = test.assign(pred=model.predict(test[feats])).groupby("year").apply(
        lambda g: rmse(g["yield_bu_ac"], g["pred"]))
    print("test RMSE by season:\n", per_year.round(2))
    Path(CFG["out_dir"]).mkdir(parents=True, exist_ok=True)
    model.booster_.save_model(str(Path(CFG["out_dir"]) / "soy_lgbm.txt"))
    (Path(CFG["out_dir"]) / "results.json").write_text(json.dumps({"params": params, "test": results}, indent=2))


if __name__ == "__main__":
    main()
