import argparse
import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, "src")
from tsforecast import LGBMForecaster, SeasonalNaive, cross_validation, performance_metrics  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="configs/footfall.json")
    cfg = json.loads(Path(ap.parse_args().config).read_text())
    np.random.seed(cfg["seed"])

    df = pd.read_csv(cfg["data"], parse_dates=["ds"])[["unique_id", "ds", "y"]]
    factories = {
        "lgbm_direct": lambda: LGBMForecaster(cfg["horizon"], cfg["lags"], cfg["lgbm"], seed=cfg["seed"]),
        "seasonal_naive_7": lambda: SeasonalNaive(cfg["horizon"], season=7),
    }
    tables = []
    for name, make in factories.items():
        cv = cross_validation(make, df, cfg["horizon"], cfg["initial"], cfg["period"])
        perf = performance_metrics(cv).assign(model=name)
        print(name, perf[["mae", "rmse", "smape"]].mean().round(3).to_dict())
        tables.append(perf)
    out = Path(cfg["report"])
    out.parent.mkdir(parents=True, exist_ok=True)
    pd.concat(tables).to_csv(out)


if __name__ == "__main__":
    main()
