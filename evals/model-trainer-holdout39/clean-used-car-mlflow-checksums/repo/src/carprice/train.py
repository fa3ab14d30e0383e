import argparse
import json
from pathlib import Path

import joblib
import mlflow
import numpy as np
import pandas as pd
import yaml
from sklearn.compose import ColumnTransformer, TransformedTargetRegressor
from sklearn.dummy import DummyRegressor
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.linear_model import RidgeCV
from sklearn.metrics import mean_absolute_error, mean_absolute_percentage_error, r2_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.impute import SimpleImputer
from sklearn.preprocessing import OneHotEncoder, OrdinalEncoder, StandardScaler

from .integrity import verify
from .tracking import start


def hgb_pipeline(cfg) -> Pipeline:
    n_num = len(cfg["numeric"])
    cols = ColumnTransformer([
        ("num", "passthrough", cfg["numeric"]),
        ("cat", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1,
                               encoded_missing_value=-1), cfg["categorical"]),
    ])
    cat_mask = [False] * n_num + [True] * len(cfg["categorical"])
    hgb = HistGradientBoostingRegressor(categorical_features=cat_mask, random_state=cfg["seed"], **cfg["hgb"])
    return Pipeline([("cols", cols), ("hgb", hgb)])


def ridge_pipeline(cfg) -> TransformedTargetRegressor:
    cols = ColumnTransformer([
        ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), cfg["numeric"]),
        ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=20), cfg["categorical"]),
    ])
    return TransformedTargetRegressor(make_pipeline(cols, RidgeCV(alphas=np.logspace(-2, 3, 12))),
                                      func=np.log1p, inverse_func=np.expm1)


def metrics(y, p) -> dict:
    return {"mae": mean_absolute_error(y, p), "mape": mean_absolute_percentage_error(y, p), "r2": r2_score(y, p)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/experiment.yaml")
    cfg = yaml.safe_load(open(ap.parse_args().config))

    verify(cfg["data"]["path"], cfg["data"]["sha1"])
    cars = pd.read_parquet(cfg["data"]["path"])
    X, y = cars[cfg["numeric"] + cfg["categorical"]], cars[cfg["target"]]
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=cfg["test_size"], random_state=cfg["seed"])

    candidates = {"median": DummyRegressor(strategy="median"), "ridge": ridge_pipeline(cfg), "hgb": hgb_pipeline(cfg)}
    with start(cfg["experiment"]):
        mlflow.log_params({"seed": cfg["seed"], "data_sha1": cfg["data"]["sha1"],
                           "data_commit": cfg["data"]["source_commit"], **{f"hgb.{k}": v for k, v in cfg["hgb"].items()}})
        results = {}
        for name, model in candidates.items():
            model.fit(X_tr, y_tr)
            results[name] = metrics(y_te, model.predict(X_te))
            mlflow.log_metrics({f"{name}.{k}": float(v) for k, v in results[name].items()})
        out = Path("artifacts")
        out.mkdir(exist_ok=True)
        joblib.dump(candidates["hgb"], out / "hgb.joblib")
        (out / "results.json").write_text(json.dumps(results, indent=2, default=float))
        mlflow.log_artifact(str(out / "results.json"))


if __name__ == "__main__":
    main()
