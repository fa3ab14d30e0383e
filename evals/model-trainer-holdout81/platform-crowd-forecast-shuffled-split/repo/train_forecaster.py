import json

import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import train_test_split
from xgboost import XGBRegressor

from features import build_supervised, load_counts


def evaluate(name, y_true, y_pred):
    mae = mean_absolute_error(y_true, y_pred)
    rmse = float(np.sqrt(mean_squared_error(y_true, y_pred)))
    print(f"{name:>18}  MAE {mae:6.2f}  RMSE {rmse:6.2f}")
    return {"mae": mae, "rmse": rmse}


def main():
    cfg = json.load(open("config.json"))
    counts = load_counts(cfg["detections_path"])
    data = build_supervised(counts, cfg["horizon_min"], cfg["lags_min"], cfg["rolling_min"])
    print(f"{len(data):,} rows from {data.camera_id.nunique()} cameras, "
          f"{data.ts.min():%Y-%m-%d} .. {data.ts.max():%Y-%m-%d}")

    feature_cols = [c for c in data.columns if c.startswith(("lag_", "roll_"))] + ["minute_of_day", "dow", "camera_id"]
    X, y = data[feature_cols], data["target"]

    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=cfg["test_size"], random_state=cfg["seed"])

    results = {
        "persistence": evaluate("persistence", y_test, X_test["lag_1"]),
        "rolling_15": evaluate("rolling mean 15", y_test, X_test["roll_mean_15"]),
    }

    model = XGBRegressor(**cfg["xgb"], objective="reg:squarederror", tree_method="hist",
                         enable_categorical=True, random_state=cfg["seed"])
    model.fit(X_train, y_train)
    results["xgboost"] = evaluate("xgboost", y_test, model.predict(X_test))

    peak = X_test["minute_of_day"].between(7 * 60, 9 * 60 + 30) & (X_test["dow"] < 5)
    results["xgboost_am_peak"] = evaluate("xgboost AM peak", y_test[peak], model.predict(X_test[peak]))

    importance = pd.Series(model.feature_importances_, index=feature_cols).sort_values(ascending=False)
    print(importance.head(10))
    model.save_model("models/crowd_xgb_h5.json")
    json.dump(results, open("models/crowd_xgb_h5_metrics.json", "w"), indent=2)


if __name__ == "__main__":
    main()
