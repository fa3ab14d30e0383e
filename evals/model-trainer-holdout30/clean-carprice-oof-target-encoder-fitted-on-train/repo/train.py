"""Used-car price model: LightGBM on numeric + out-of-fold target-encoded features.

    python train.py --config configs/carprice.yaml
"""
import argparse
import json
from pathlib import Path

import joblib
import lightgbm as lgb
import mlflow
import numpy as np
import pandas as pd
import yaml
from sklearn.metrics import mean_absolute_error, mean_absolute_percentage_error, mean_squared_error
from sklearn.model_selection import train_test_split

from carprice.encoding import KFoldTargetEncoder
from carprice.features import HIGH_CARD, NUMERIC, listing_features


def price_scores(log_true, log_pred) -> dict:
    y, p = np.exp(log_true), np.exp(log_pred)
    return {"mae_eur": mean_absolute_error(y, p), "mape": mean_absolute_percentage_error(y, p),
            "rmse_log": float(np.sqrt(mean_squared_error(log_true, log_pred)))}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/carprice.yaml")
    cfg = yaml.safe_load(Path(parser.parse_args().config).read_text())
    seed = cfg["seed"]

    cars = listing_features(pd.read_parquet(cfg["data_path"]).drop_duplicates(subset="vin"))
    train, rest = train_test_split(cars, test_size=0.3, random_state=seed)
    valid, test = train_test_split(rest, test_size=0.5, random_state=seed)

    encoder = KFoldTargetEncoder(HIGH_CARD, n_splits=5, smoothing=cfg["te_smoothing"], seed=seed)
    x_train = pd.concat([train[NUMERIC], encoder.fit_transform(train, train["log_price"])], axis=1)
    x_valid = pd.concat([valid[NUMERIC], encoder.transform(valid)], axis=1)
    x_test = pd.concat([test[NUMERIC], encoder.transform(test)], axis=1)

    model = lgb.LGBMRegressor(**cfg["lgbm"], random_state=seed, verbose=-1)
    model.fit(x_train, train["log_price"], eval_set=[(x_valid, valid["log_price"])], eval_metric="l1",
              callbacks=[lgb.early_stopping(cfg["early_stopping_rounds"]), lgb.log_evaluation(200)])

    # baselines: median log-price of the same make/model in the training split, else global median
    mm_median = train.groupby("make_model")["log_price"].median()
    naive_valid = valid["make_model"].map(mm_median).fillna(train["log_price"].median())

    results = {
        "valid": price_scores(valid["log_price"], model.predict(x_valid)),
        "valid_make_model_median": price_scores(valid["log_price"], naive_valid),
        "best_iteration": model.best_iteration_,
    }
    results["test"] = price_scores(test["log_price"], model.predict(x_test))

    with mlflow.start_run(run_name="lgbm-te"):
        mlflow.log_params({**cfg["lgbm"], "te_smoothing": cfg["te_smoothing"]})
        mlflow.log_dict(results, "results.json")
    Path(cfg["out_dir"]).mkdir(parents=True, exist_ok=True)
    joblib.dump({"encoder": encoder, "model": model}, Path(cfg["out_dir"]) / "carprice.joblib")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
