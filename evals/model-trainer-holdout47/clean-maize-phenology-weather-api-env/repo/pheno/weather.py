"""Daily weather covariates for trial sites from the Meteomatics-style REST API, cached on disk."""
import os
from pathlib import Path

import pandas as pd
import requests

API_URL = "https://api.agroweather.example.com/v2/daily"


class WeatherClient:
    def __init__(self, key_env: str, cache_dir: str = ".cache/weather", timeout: int = 60):
        api_key = os.environ.get(key_env)
        if not api_key:
            raise RuntimeError(f"set {key_env} to an API key for {API_URL}")
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {api_key}"
        self.cache = Path(cache_dir)
        self.cache.mkdir(parents=True, exist_ok=True)
        self.timeout = timeout

    def daily(self, site_id, lat, lon, start, end) -> pd.DataFrame:
        f = self.cache / f"{site_id}_{start}_{end}.parquet"
        if f.exists():
            return pd.read_parquet(f)
        r = self.session.get(API_URL, timeout=self.timeout, params={
            "lat": lat, "lon": lon, "start": start, "end": end,
            "vars": "tmin,tmax,precip,srad,vpd",
        })
        r.raise_for_status()
        df = pd.DataFrame(r.json()["data"])
        df["date"] = pd.to_datetime(df["date"])
        df.to_parquet(f)
        return df


def season_covariates(wx: pd.DataFrame, sowing: pd.Timestamp, days: int = 60, tbase: float = 10.0) -> dict:
    """Weather summaries for the first `days` days after sowing (all before flowering)."""
    w = wx[(wx["date"] >= sowing) & (wx["date"] < sowing + pd.Timedelta(days=days))]
    tmean = (w["tmin"] + w["tmax"]) / 2
    gdd = (tmean.clip(upper=30) - tbase).clip(lower=0)
    return {
        "gdd_rate": float(gdd.mean()),
        "tmax_mean": float(w["tmax"].mean()),
        "tmin_mean": float(w["tmin"].mean()),
        "precip_sum": float(w["precip"].sum()),
        "srad_mean": float(w["srad"].mean()),
        "vpd_max_mean": float(w["vpd"].mean()),
    }
