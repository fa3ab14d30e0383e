"""Weekly marketing mix model for the DTC storefront.

Ridge regression on adstocked, Hill-saturated media spend plus price/promo
controls. The most recent HOLDOUT_WEEKS weeks are kept aside to check
out-of-time fit before the ROI table goes to the planning team.
"""
import argparse
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.dummy import DummyRegressor
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_percentage_error, r2_score
from sklearn.preprocessing import MinMaxScaler

# channel: (adstock decay, half-saturation point in $k of adstocked spend)
MEDIA = {
    "tv_spend": (0.60, 180.0),
    "search_spend": (0.15, 60.0),
    "social_spend": (0.35, 45.0),
    "display_spend": (0.30, 25.0),
    "ooh_spend": (0.50, 40.0),
}
CONTROLS = ["price_index", "promo_flag", "competitor_spend", "holiday_flag"]
HOLDOUT_WEEKS = 26


def geometric_adstock(spend, decay):
    out = np.zeros(len(spend), dtype=float)
    carry = 0.0
    for i, value in enumerate(spend):
        carry = value + decay * carry
        out[i] = carry
    return out


def hill(x, half_sat, slope=1.2):
    x = np.maximum(x, 0.0)
    return x**slope / (x**slope + half_sat**slope)


def build_features(weekly):
    feats = pd.DataFrame(index=weekly.index)
    for channel, (decay, half_sat) in MEDIA.items():
        stocked = geometric_adstock(weekly[channel].to_numpy() / 1000.0, decay)
        feats[channel.replace("_spend", "_effect")] = hill(stocked, half_sat)
    for col in CONTROLS:
        feats[col] = weekly[col].astype(float)
    week_of_year = weekly["week_start"].dt.isocalendar().week.astype(int).to_numpy()
    feats["season_sin"] = np.sin(2 * np.pi * week_of_year / 52.0)
    feats["season_cos"] = np.cos(2 * np.pi * week_of_year / 52.0)
    feats["trend_years"] = np.arange(len(weekly)) / 52.0
    return feats


def channel_contributions(model, X_scaled, columns):
    coefs = pd.Series(model.coef_, index=columns)
    media_cols = [c for c in columns if c.endswith("_effect")]
    contrib = pd.DataFrame(X_scaled, columns=columns)[media_cols] * coefs[media_cols]
    return contrib.sum().sort_values(ascending=False)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="data/weekly_media_sales.csv")
    parser.add_argument("--alpha", type=float, default=2.0)
    parser.add_argument("--out", default="reports/mmm_roi.csv")
    args = parser.parse_args()

    weekly = pd.read_csv(args.data, parse_dates=["week_start"])
    weekly = weekly.sort_values("week_start").reset_index(drop=True)

    X = build_features(weekly)
    y = weekly["revenue"].to_numpy()

    scaler = MinMaxScaler()
    X_scaled = scaler.fit_transform(X)

    X_train, X_test = X_scaled[:-HOLDOUT_WEEKS], X_scaled[-HOLDOUT_WEEKS:]
    y_train, y_test = y[:-HOLDOUT_WEEKS], y[-HOLDOUT_WEEKS:]
    print(f"train weeks={len(y_train)} holdout weeks={len(y_test)}")

    baseline = DummyRegressor(strategy="mean").fit(X_train, y_train)
    model = Ridge(alpha=args.alpha).fit(X_train, y_train)

    for name, est in [("mean baseline", baseline), ("ridge mmm", model)]:
        pred = est.predict(X_test)
        mape = mean_absolute_percentage_error(y_test, pred)
        print(f"{name:>14}: holdout MAPE={mape:.3f} R2={r2_score(y_test, pred):.3f}")

    contrib = channel_contributions(model, X_train, list(X.columns))
    spend = weekly.iloc[: len(y_train)][list(MEDIA)].sum()
    roi = pd.DataFrame(
        {
            "contribution": contrib.values,
            "spend": [spend[c.replace("_effect", "_spend")] for c in contrib.index],
        },
        index=contrib.index,
    )
    roi["roi"] = roi["contribution"] / roi["spend"]

    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    roi.to_csv(args.out)
    print(roi.round(3))


if __name__ == "__main__":
    main()
