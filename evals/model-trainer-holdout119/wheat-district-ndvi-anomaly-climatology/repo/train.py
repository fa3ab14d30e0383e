import argparse

import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestRegressor
from sklearn.metrics import mean_absolute_percentage_error, mean_squared_error, r2_score

from features import KEY, build_table

SEED = 11


def parse_args():
    p = argparse.ArgumentParser(description="District wheat yield model")
    p.add_argument("--yields", default="data/district_wheat_yield.csv")
    p.add_argument("--ndvi", default="data/modis_ndvi_dekadal.parquet")
    p.add_argument("--rain", default="data/chirps_dekadal.parquet")
    p.add_argument("--test-from", type=int, default=2017)
    p.add_argument("--n-trees", type=int, default=500)
    return p.parse_args()


def main():
    args = parse_args()
    yields = pd.read_csv(args.yields)
    ndvi = pd.read_parquet(args.ndvi)
    rain = pd.read_parquet(args.rain)

    tbl = build_table(yields, ndvi, rain)
    tbl = tbl.dropna(subset=["yield_t_ha"])
    feats = [c for c in tbl.columns if c not in KEY + ["yield_t_ha", "wheat_area_ha", "irrigated_area_ha", "state"]]

    train = tbl[tbl["season_year"] < args.test_from]
    test = tbl[tbl["season_year"] >= args.test_from]
    print(f"train seasons {train.season_year.min()}-{train.season_year.max()} ({len(train)} rows), "
          f"test seasons {test.season_year.min()}-{test.season_year.max()} ({len(test)} rows)")

    fill = train[feats].median()
    X_train, X_test = train[feats].fillna(fill), test[feats].fillna(fill)

    rf = RandomForestRegressor(n_estimators=args.n_trees, min_samples_leaf=3, max_features=0.4,
                               n_jobs=-1, random_state=SEED)
    rf.fit(X_train, train["yield_t_ha"])
    pred = rf.predict(X_test)

    print(f"RMSE  {np.sqrt(mean_squared_error(test['yield_t_ha'], pred)):.3f} t/ha")
    print(f"MAPE  {100 * mean_absolute_percentage_error(test['yield_t_ha'], pred):.1f}%")
    print(f"R2    {r2_score(test['yield_t_ha'], pred):.3f}")

    res = test[KEY].assign(obs=test["yield_t_ha"].values, pred=pred)
    res.to_csv("district_predictions_test.csv", index=False)


if __name__ == "__main__":
    main()
