"""Fit per-station ridge regressions of daily Tmax on ERA5 predictor EOFs (perfect-prognosis SDSM)."""
import argparse
import json
from pathlib import Path

import joblib
import pandas as pd
import yaml
from sklearn.linear_model import RidgeCV

from sdsm.features import add_seasonal_terms, predictor_eofs
from sdsm.verify import summary


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="config.yaml")
    cfg = yaml.safe_load(open(parser.parse_args().config))
    out_dir = Path(cfg["output_dir"])
    out_dir.mkdir(parents=True, exist_ok=True)

    predictors = pd.read_parquet(cfg["predictors_file"]).set_index("date").sort_index()
    stations = pd.read_parquet(cfg["stations_file"])
    stations["date"] = pd.to_datetime(stations["date"])
    predictors.index = pd.to_datetime(predictors.index)

    predictors = predictors.dropna()
    pcs, eof_info = predictor_eofs(predictors, cfg["predictors"], cfg["n_components"])
    print(f"{len(eof_info['columns'])} grid predictors -> {cfg['n_components']} EOFs "
          f"({eof_info['explained']:.1%} variance)")
    X_all = add_seasonal_terms(pcs)

    train_start, train_end = cfg["train_period"]
    test_start, test_end = cfg["test_period"]
    results = {}
    for station_id, obs in stations.groupby("station_id"):
        obs = obs.set_index("date")["tmax"].dropna()
        data = X_all.join(obs, how="inner")
        train = data.loc[train_start:train_end]
        test = data.loc[test_start:test_end]
        if len(train) < 3650 or len(test) < 365:
            continue
        features = [c for c in data.columns if c != "tmax"]
        model = RidgeCV(alphas=cfg["ridge_alphas"]).fit(train[features], train["tmax"])
        pred = model.predict(test[features])

        # reference: day-of-year climatology of the calibration period
        clim = train["tmax"].groupby(train.index.dayofyear).mean()
        clim = clim.rolling(31, center=True, min_periods=1).mean()
        ref = clim.reindex(test.index.dayofyear).to_numpy()

        results[station_id] = summary(test["tmax"].to_numpy(), pred, ref)
        results[station_id]["alpha"] = float(model.alpha_)
        joblib.dump(model, out_dir / f"ridge_{station_id}.joblib")

    table = pd.DataFrame(results).T
    print(table.describe().round(3))
    table.to_csv(out_dir / "verification_test_period.csv")
    joblib.dump(eof_info, out_dir / "eofs.joblib")
    (out_dir / "summary.json").write_text(json.dumps(table.median().to_dict(), indent=2))


if __name__ == "__main__":
    main()
