"""Daily bike-hire counts: Poisson vs. negative-binomial GLM with weather and calendar terms.

Reproduces the count-model comparison (Table 2) for the 2019-2023 docking-station data.
"""
import argparse
import logging

import numpy as np
import pandas as pd
import statsmodels.api as sm
import statsmodels.formula.api as smf
from sklearn.model_selection import KFold

log = logging.getLogger("bike_glm")

FORMULA_RHS = (
    "temp_c + I(temp_c**2) + precip_mm + wind_kmh + C(dow) + C(month) + holiday"
    " + np.log1p(lag1_hires) + np.log1p(lag7_hires)"
)


def load_daily(path: str) -> pd.DataFrame:
    df = pd.read_csv(path, parse_dates=["date"]).sort_values("date").reset_index(drop=True)
    df["dow"] = df["date"].dt.dayofweek
    df["month"] = df["date"].dt.month
    # autoregressive terms: yesterday's and last week's hires
    df["lag1_hires"] = df["hires"].shift(1)
    df["lag7_hires"] = df["hires"].shift(7)
    return df.dropna(subset=["lag1_hires", "lag7_hires"]).reset_index(drop=True)


def poisson_deviance(y, mu):
    y = np.asarray(y, dtype=float)
    mu = np.asarray(mu, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        term = np.where(y > 0, y * np.log(y / mu), 0.0)
    return 2.0 * np.mean(term - (y - mu))


def fit_family(train: pd.DataFrame, family) -> sm.GLM:
    return smf.glm(f"hires ~ {FORMULA_RHS}", data=train, family=family).fit()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/daily_hires_2019_2023.csv")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=42)
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO)

    daily = load_daily(args.data)
    log.info("%d days from %s to %s", len(daily), daily["date"].min().date(), daily["date"].max().date())

    families = {
        "poisson": sm.families.Poisson(),
        "negbin": sm.families.NegativeBinomial(alpha=0.08),
    }
    rows = []
    splitter = KFold(n_splits=args.folds, shuffle=True, random_state=args.seed)
    for fold, (tr_idx, va_idx) in enumerate(splitter.split(daily)):
        tr, va = daily.iloc[tr_idx], daily.iloc[va_idx]
        naive = va["lag7_hires"].to_numpy()  # same weekday last week
        rows.append({"fold": fold, "model": "seasonal-naive",
                     "mae": np.mean(np.abs(va["hires"] - naive)),
                     "deviance": poisson_deviance(va["hires"], naive)})
        for name, fam in families.items():
            res = fit_family(tr, fam)
            mu = res.predict(va)
            rows.append({"fold": fold, "model": name,
                         "mae": np.mean(np.abs(va["hires"] - mu)),
                         "deviance": poisson_deviance(va["hires"], mu),
                         "aic": res.aic})

    table = pd.DataFrame(rows).groupby("model")[["mae", "deviance", "aic"]].agg(["mean", "std"])
    print(table.round(3))
    table.to_csv("results/table2_count_models.csv")


if __name__ == "__main__":
    main()
