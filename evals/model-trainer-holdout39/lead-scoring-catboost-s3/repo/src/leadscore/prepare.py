import argparse

import numpy as np
import pandas as pd
import yaml

from .storage import download


def build_features(raw: pd.DataFrame) -> pd.DataFrame:
    df = raw.copy()
    created = pd.to_datetime(df["created_at"])
    df["created_dow"] = created.dt.dayofweek
    df["created_hour"] = created.dt.hour
    df["log_employees"] = np.log1p(df["employees"].fillna(0))
    df["pages_per_visit"] = df["pageviews"] / df["visits"].clip(lower=1)
    df["has_phone"] = df["phone"].notna().astype(int)
    keep = ["source", "industry", "country", "company_size_band", "first_touch_channel",
            "created_dow", "created_hour", "log_employees", "pages_per_visit", "has_phone",
            "visits", "email_opens", "demo_requested", "converted"]
    return df[keep]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config/pipeline.yaml")
    cfg = yaml.safe_load(open(ap.parse_args().config))
    raw_path = download(cfg["s3"]["bucket"], cfg["s3"]["key"], cfg["paths"]["raw"], cfg["s3"]["region"])
    feats = build_features(pd.read_csv(raw_path))
    feats.to_parquet(cfg["paths"]["features"], index=False)
    print(f"wrote {len(feats)} rows, conversion rate {feats['converted'].mean():.3f}")


if __name__ == "__main__":
    main()
