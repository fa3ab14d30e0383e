"""Fit the weekly MMM and report out-of-time accuracy plus channel ROI intervals."""
import argparse
from pathlib import Path

import numpy as np
import pandas as pd
import yaml
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_percentage_error, r2_score
from sklearn.model_selection import GridSearchCV, TimeSeriesSplit
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

from mmm.transforms import HillSaturation, geometric_adstock


def build_design(weekly, cfg):
    X = pd.DataFrame(index=weekly.index)
    for channel, decay in cfg["media"].items():
        X[channel] = geometric_adstock(weekly[channel].to_numpy(), decay)
    for col in cfg["controls"]:
        X[col] = weekly[col].astype(float)
    return X


def make_pipeline(media_cols, control_cols):
    pre = ColumnTransformer([
        ("media", HillSaturation(), media_cols),
        ("ctrl", StandardScaler(), control_cols),
    ])
    return Pipeline([("pre", pre), ("ridge", Ridge())])


def media_roi(pipe, X, spend, media_cols):
    sat = pipe.named_steps["pre"].named_transformers_["media"].transform(X[media_cols])
    coefs = pipe.named_steps["ridge"].coef_[: len(media_cols)]
    return (sat * coefs).sum(axis=0) / spend[media_cols].sum().to_numpy()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="mmm/config.yaml")
    args = parser.parse_args()
    cfg = yaml.safe_load(Path(args.config).read_text())
    rng = np.random.default_rng(cfg["seed"])

    weekly = pd.read_csv(cfg["data_path"], parse_dates=["week_start"]).sort_values("week_start")
    weekly = weekly.reset_index(drop=True)
    media_cols, control_cols = list(cfg["media"]), cfg["controls"]
    X = build_design(weekly, cfg)
    y = weekly[cfg["target"]].to_numpy()

    h = cfg["holdout_weeks"]
    X_fit, X_hold, y_fit, y_hold = X.iloc[:-h], X.iloc[-h:], y[:-h], y[-h:]

    search = GridSearchCV(
        make_pipeline(media_cols, control_cols),
        cfg["grid"],
        cv=TimeSeriesSplit(n_splits=cfg["cv_splits"], test_size=h),
        scoring="neg_mean_absolute_percentage_error",
    )
    search.fit(X_fit, y_fit)
    best = search.best_estimator_
    print(f"best params {search.best_params_}, CV MAPE {-search.best_score_:.3f}")

    pred = best.predict(X_hold)
    same_week_last_year = weekly[cfg["target"]].shift(52).iloc[-h:].to_numpy()
    for name, p in [("same week last year", same_week_last_year), ("mmm", pred)]:
        print(f"{name:<20} holdout MAPE={mean_absolute_percentage_error(y_hold, p):.3f} R2={r2_score(y_hold, p):.3f}")

    spend_fit = weekly.iloc[:-h]
    point = media_roi(best, X_fit, spend_fit, media_cols)
    draws = []
    for _ in range(cfg["bootstrap_rounds"]):
        idx = np.sort(rng.choice(len(X_fit), size=len(X_fit), replace=True))
        boot = make_pipeline(media_cols, control_cols).set_params(**search.best_params_)
        boot.fit(X_fit.iloc[idx], y_fit[idx])
        draws.append(media_roi(boot, X_fit, spend_fit, media_cols))
    lo, hi = np.percentile(draws, [5, 95], axis=0)
    roi = pd.DataFrame({"roi": point, "roi_p05": lo, "roi_p95": hi}, index=media_cols)
    print(roi.round(3))
    Path("reports").mkdir(exist_ok=True)
    roi.to_csv("reports/mmm_roi.csv")


if __name__ == "__main__":
    main()
