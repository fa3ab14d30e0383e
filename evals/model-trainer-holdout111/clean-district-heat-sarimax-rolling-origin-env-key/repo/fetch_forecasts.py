"""Download archived DMI HARMONIE day-ahead 2 m temperature forecasts for the plant location."""
import os
import sys
import time

import pandas as pd
import requests
from dotenv import load_dotenv

BASE = "https://dmigw.govcloud.dk/v1/forecastedr/collections/harmonie_dini_sf/position"
LAT, LON = 56.1629, 10.2039   # Aarhus


def fetch_day(run_date, api_key):
    params = {
        "coords": f"POINT({LON} {LAT})",
        "parameter-name": "temperature-2m",
        "datetime": f"{run_date:%Y-%m-%d}T06:00:00Z/{run_date + pd.Timedelta(days=2):%Y-%m-%d}T06:00:00Z",
        "api-key": api_key,
    }
    r = requests.get(BASE, params=params, timeout=30)
    r.raise_for_status()
    cov = r.json()
    times = pd.to_datetime(cov["domain"]["axes"]["t"]["values"])
    temps_k = cov["ranges"]["temperature-2m"]["values"]
    return pd.DataFrame({"run": run_date, "valid": times, "temp_fc_c": [t - 273.15 for t in temps_k]})


def main(start, end, out="data/dmi_temp_fc.csv"):
    load_dotenv()
    api_key = os.environ.get("DMI_FORECAST_API_KEY")
    if not api_key:
        sys.exit("DMI_FORECAST_API_KEY not set (see .env.example)")
    frames = []
    for day in pd.date_range(start, end, freq="D"):
        frames.append(fetch_day(day, api_key))
        time.sleep(0.2)
    pd.concat(frames).to_csv(out, index=False)


if __name__ == "__main__":
    main(*sys.argv[1:3])
