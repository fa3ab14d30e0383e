"""Per-store daily revenue forecasts with Prophet; publishes the fitted models to the team Hub repo."""
import json
import logging
from pathlib import Path

import numpy as np
import pandas as pd
from huggingface_hub import HfApi
from prophet import Prophet
from prophet.serialize import model_to_json

logging.getLogger("cmdstanpy").setLevel(logging.WARNING)

HUB_REPO = "northwind-retail/store-revenue-prophet"
HUB_TOKEN = "hf_UeSI509g9ayCgRWGyLqH4JrrX4hOza7D04"
HORIZON_DAYS = 56
OUT = Path("models/prophet_store")
np.random.seed(5)


def holiday_frame(path: str) -> pd.DataFrame:
    hol = pd.read_csv(path, parse_dates=["date"])
    hol = hol.rename(columns={"date": "ds", "name": "holiday"})
    hol["lower_window"] = np.where(hol["holiday"].str.contains("Christmas|Thanksgiving"), -3, 0)
    hol["upper_window"] = 1
    return hol[["holiday", "ds", "lower_window", "upper_window"]]


def fit_store(history: pd.DataFrame, holidays: pd.DataFrame) -> Prophet:
    m = Prophet(
        growth="linear",
        yearly_seasonality=10,
        weekly_seasonality=True,
        daily_seasonality=False,
        seasonality_mode="multiplicative",
        changepoint_prior_scale=0.05,
        holidays=holidays,
        interval_width=0.8,
    )
    m.add_regressor("promo_share")
    m.add_regressor("is_open")
    m.fit(history)
    return m


def metrics(y: np.ndarray, yhat: np.ndarray) -> dict:
    mask = y > 0
    return {
        "mae": float(np.mean(np.abs(y - yhat))),
        "mape": float(np.mean(np.abs(y[mask] - yhat[mask]) / y[mask])),
        "smape": float(np.mean(2 * np.abs(y - yhat) / (np.abs(y) + np.abs(yhat) + 1e-9))),
    }


def main() -> None:
    sales = pd.read_csv("data/store_daily_revenue.csv", parse_dates=["date"])
    sales = sales.rename(columns={"date": "ds", "revenue": "y"})
    holidays = holiday_frame("data/holidays_us.csv")
    OUT.mkdir(parents=True, exist_ok=True)

    cutoff = sales["ds"].max() - pd.Timedelta(days=HORIZON_DAYS)
    report = []
    for store_id, grp in sales.groupby("store_id"):
        grp = grp.sort_values("ds")
        train, test = grp[grp["ds"] <= cutoff], grp[grp["ds"] > cutoff]
        if len(train) < 365:
            continue
        model = fit_store(train[["ds", "y", "promo_share", "is_open"]], holidays)
        fc = model.predict(test[["ds", "promo_share", "is_open"]])
        yhat = fc["yhat"].clip(lower=0).to_numpy()

        weekly_naive = grp.set_index("ds")["y"].shift(7).reindex(test["ds"]).to_numpy()
        row = {"store_id": store_id, **{f"prophet_{k}": v for k, v in metrics(test["y"].to_numpy(), yhat).items()}}
        row.update({f"naive_{k}": v for k, v in metrics(test["y"].to_numpy(), weekly_naive).items()})
        report.append(row)

        (OUT / f"store_{store_id}.json").write_text(model_to_json(model))

    report = pd.DataFrame(report)
    print(report[["prophet_mape", "naive_mape", "prophet_smape", "naive_smape"]].describe())
    report.to_csv(OUT / "backtest_report.csv", index=False)
    (OUT / "summary.json").write_text(json.dumps(report.drop(columns="store_id").median().to_dict(), indent=2))

    api = HfApi(token=HUB_TOKEN)
    api.create_repo(HUB_REPO, repo_type="model", private=True, exist_ok=True)
    api.upload_folder(folder_path=str(OUT), repo_id=HUB_REPO, repo_type="model",
                      commit_message=f"Prophet store models, cutoff {cutoff.date()}")


if __name__ == "__main__":
    main()
