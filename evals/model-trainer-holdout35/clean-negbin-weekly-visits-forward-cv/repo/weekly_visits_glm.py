"""Weekly respiratory ED visits: negative-binomial GLM with Fourier seasonality and lagged counts.

Design: everything before CUTOFF is development data (harmonics and NB alpha chosen with
forward-chaining TimeSeriesSplit); weeks from CUTOFF on are the untouched evaluation period.
"""
import itertools
import logging

import numpy as np
import pandas as pd
import statsmodels.api as sm
from sklearn.metrics import mean_absolute_error, mean_poisson_deviance, mean_squared_error
from sklearn.model_selection import TimeSeriesSplit

logging.basicConfig(level=logging.INFO, format="%(message)s")
log = logging.getLogger("visits")

DATA = "data/ed_resp_visits_weekly.csv"
CUTOFF = pd.Timestamp("2023-07-03")
HARMONICS = [1, 2, 3]
ALPHAS = [0.02, 0.05, 0.1, 0.2]


def add_features(weekly: pd.DataFrame, k_max: int) -> pd.DataFrame:
    """Only calendar terms and *past* counts: safe to compute on the whole series."""
    out = weekly.copy()
    woy = out["week_start"].dt.isocalendar().week.astype(float)
    for k in range(1, k_max + 1):
        out[f"sin{k}"] = np.sin(2 * np.pi * k * woy / 52.18)
        out[f"cos{k}"] = np.cos(2 * np.pi * k * woy / 52.18)
    out["log_lag1"] = np.log1p(out["visits"].shift(1))
    out["log_lag2"] = np.log1p(out["visits"].shift(2))
    out["log_roll4"] = np.log1p(out["visits"].shift(1).rolling(4).mean())
    out["lag52"] = out["visits"].shift(52)
    return out


def design(frame: pd.DataFrame, k: int) -> pd.DataFrame:
    cols = [f"{f}{i}" for i in range(1, k + 1) for f in ("sin", "cos")] + ["log_lag1", "log_lag2", "log_roll4"]
    return sm.add_constant(frame[cols], has_constant="add")


def fit_nb(frame: pd.DataFrame, k: int, alpha: float):
    return sm.GLM(frame["visits"], design(frame, k),
                  family=sm.families.NegativeBinomial(alpha=alpha)).fit()


def metrics(y, mu) -> dict:
    return {"MAE": mean_absolute_error(y, mu), "RMSE": mean_squared_error(y, mu) ** 0.5,
            "PoissonDev": mean_poisson_deviance(y, np.clip(mu, 1e-6, None))}


def main():
    weekly = pd.read_csv(DATA, parse_dates=["week_start"]).sort_values("week_start").reset_index(drop=True)
    feats = add_features(weekly, max(HARMONICS)).dropna().reset_index(drop=True)

    dev = feats[feats["week_start"] < CUTOFF].reset_index(drop=True)
    hold = feats[feats["week_start"] >= CUTOFF].reset_index(drop=True)
    log.info("dev %d weeks (%s..%s), evaluation %d weeks", len(dev), dev.week_start.min().date(),
             dev.week_start.max().date(), len(hold))

    tscv = TimeSeriesSplit(n_splits=5, test_size=26)
    cv_scores = {}
    for k, alpha in itertools.product(HARMONICS, ALPHAS):
        devs = []
        for tr_idx, va_idx in tscv.split(dev):
            res = fit_nb(dev.iloc[tr_idx], k, alpha)
            mu = res.predict(design(dev.iloc[va_idx], k))
            devs.append(mean_poisson_deviance(dev["visits"].iloc[va_idx], np.clip(mu, 1e-6, None)))
        cv_scores[(k, alpha)] = float(np.mean(devs))
    k_best, alpha_best = min(cv_scores, key=cv_scores.get)
    log.info("forward-chaining CV picked K=%d harmonics, alpha=%.2f (deviance %.3f)",
             k_best, alpha_best, cv_scores[(k_best, alpha_best)])

    final = fit_nb(dev, k_best, alpha_best)
    mu_hold = final.predict(design(hold, k_best))

    table = pd.DataFrame({
        "NB GLM": metrics(hold["visits"], mu_hold),
        "naive (last week)": metrics(hold["visits"], np.expm1(hold["log_lag1"])),
        "seasonal naive (52w)": metrics(hold["visits"], hold["lag52"]),
    }).T
    print(table.round(3))
    print(final.summary())


if __name__ == "__main__":
    main()
