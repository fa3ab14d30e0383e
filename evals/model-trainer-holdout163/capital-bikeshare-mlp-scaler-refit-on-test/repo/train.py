import argparse
import json

import joblib
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error
from sklearn.neural_network import MLPRegressor

from preprocess import add_features, make_matrix, target


def main(args):
    daily = pd.read_parquet(args.data)  # station_id, date, rides, weather + station attributes
    daily["date"] = pd.to_datetime(daily["date"])
    daily = add_features(daily)

    train_df = daily[daily["date"] < args.test_start]
    test_df = daily[daily["date"] >= args.test_start]

    X_train, scaler = make_matrix(train_df)
    X_test, _ = make_matrix(test_df, scaler)
    y_train, y_test = target(train_df), target(test_df)

    mlp = MLPRegressor(hidden_layer_sizes=(128, 64), activation="relu", alpha=1e-3,
                       learning_rate_init=1e-3, batch_size=512, max_iter=200,
                       random_state=args.seed)
    mlp.fit(X_train, y_train)

    pred = np.expm1(mlp.predict(X_test)).clip(min=0)
    rides = test_df["rides"].to_numpy()
    metrics = {
        "test_mae_rides": float(mean_absolute_error(rides, pred)),
        "test_mae_lag7": float(mean_absolute_error(rides, test_df["lag_7"])),
        "test_wape": float(np.abs(rides - pred).sum() / rides.sum()),
        "n_iter": int(mlp.n_iter_),
    }
    print(json.dumps(metrics, indent=2))
    joblib.dump({"scaler": scaler, "mlp": mlp}, args.out)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/cabi_station_daily_2019_2023.parquet")
    ap.add_argument("--test-start", default="2023-07-01")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", default="models/cabi_mlp.joblib")
    main(ap.parse_args())
