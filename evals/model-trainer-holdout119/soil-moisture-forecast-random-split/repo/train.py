import argparse
import json
from pathlib import Path

import joblib
import numpy as np
import yaml
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.model_selection import train_test_split

from features import add_lag_features, add_target, load_daily


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    args = ap.parse_args()
    cfg = yaml.safe_load(open(args.config))
    np.random.seed(cfg["seed"])

    df = load_daily(cfg["data"]["stations_csv"], cfg["data"]["date_col"], cfg["data"]["station_col"])
    df = add_lag_features(df, cfg)
    df = add_target(df, cfg)
    df = df.dropna(subset=["y"])

    drop = {"y", cfg["data"]["date_col"], cfg["data"]["station_col"]}
    feature_cols = [c for c in df.columns if c not in drop]
    X, y = df[feature_cols], df["y"]

    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_size=cfg["split"]["test_size"], random_state=cfg["seed"]
    )

    m = cfg["model"]
    model = HistGradientBoostingRegressor(
        max_iter=m["max_iter"],
        learning_rate=m["learning_rate"],
        max_leaf_nodes=m["max_leaf_nodes"],
        l2_regularization=m["l2_regularization"],
        random_state=cfg["seed"],
    )
    model.fit(X_train, y_train)

    pred = model.predict(X_test)
    metrics = {
        "mae": float(mean_absolute_error(y_test, pred)),
        "rmse": float(np.sqrt(mean_squared_error(y_test, pred))),
        "r2": float(r2_score(y_test, pred)),
        "n_train": int(len(X_train)),
        "n_test": int(len(X_test)),
    }
    print(json.dumps(metrics, indent=2))

    out = Path(cfg["output_dir"])
    out.mkdir(parents=True, exist_ok=True)
    joblib.dump({"model": model, "features": feature_cols}, out / "hgb_sm7.joblib")
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    main()
