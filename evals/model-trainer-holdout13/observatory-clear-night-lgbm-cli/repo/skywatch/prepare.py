"""Build the modelling table: one row per (site, night) with NWP forecast features at 18 UTC.

python -m skywatch.prepare --raw data/nwp_and_allsky.parquet --out data/nights.parquet
"""
import argparse

import joblib
import pandas as pd
from sklearn.impute import KNNImputer

NWP = ["low_cloud_pct", "mid_cloud_pct", "high_cloud_pct", "rh_700hpa", "rh_850hpa", "pwv_mm",
       "wind_200hpa_ms", "cape", "t_2m", "dewpoint_dep_2m", "aod_550"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--raw", required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()

    df = pd.read_parquet(a.raw)
    df["night"] = pd.to_datetime(df["night"])
    # some NWP fields are missing when the model run was late; fill from similar nights
    imputer = KNNImputer(n_neighbors=10, weights="distance")
    df[NWP] = imputer.fit_transform(df[NWP])
    joblib.dump(imputer, "artifacts/nwp_imputer.joblib")

    df["total_cloud_fc"] = df[["low_cloud_pct", "mid_cloud_pct", "high_cloud_pct"]].max(axis=1)
    df["moon_up_frac"] = df["moon_up_hours"] / df["dark_hours"].clip(lower=0.5)
    # target from the all-sky camera: >= 2 consecutive clear hours
    df["clear_night"] = (df["allsky_clear_run_h"] >= 2).astype(int)
    df.to_parquet(a.out)


if __name__ == "__main__":
    main()
