"""Predict Site EUI of NYC buildings from LL84 benchmarking disclosure (calendar year 2022).

One row per property.
Consumption columns and anything computed from them are dropped: they define the target.
"""
import argparse

import numpy as np
import pandas as pd
from catboost import CatBoostRegressor, Pool
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import train_test_split

TARGET = "Site EUI (kBtu/ft²)"
CAT_COLS = ["Largest Property Use Type", "Primary Property Type - Self Selected", "Borough",
            "Postal Code", "Metered Areas (Energy)"]
NUM_COLS = ["Property GFA - Self-Reported (ft²)", "Year Built", "Number of Buildings", "Occupancy",
            "Largest Property Use Type - Gross Floor Area (ft²)", "Latitude", "Longitude"]
DERIVED_FROM_TARGET = [  # never features
    "ENERGY STAR Score", "Weather Normalized Site EUI (kBtu/ft²)", "Source EUI (kBtu/ft²)",
    "Natural Gas Use (kBtu)", "Electricity Use - Grid Purchase (kWh)", "Total GHG Emissions (Metric Tons CO2e)",
]


def load(path, year):
    df = pd.read_csv(path, low_memory=False, na_values=["Not Available", "Insufficient access"])
    df = df[df["Calendar Year"] == year]
    df = df.drop_duplicates(subset="Property Id", keep="last").set_index("Property Id")
    df = df.drop(columns=[c for c in DERIVED_FROM_TARGET if c in df.columns])
    df[TARGET] = pd.to_numeric(df[TARGET], errors="coerce")
    # physically implausible filings (unit errors, partial-year reports)
    df = df[df[TARGET].between(5, 1000)]
    df["Postal Code"] = df["Postal Code"].astype(str).str[:5]
    for c in CAT_COLS:
        df[c] = df[c].fillna("missing").astype(str)
    df["log_gfa"] = np.log1p(df["Property GFA - Self-Reported (ft²)"])
    df["use_share"] = df["Largest Property Use Type - Gross Floor Area (ft²)"] / df["Property GFA - Self-Reported (ft²)"]
    df["age"] = year - df["Year Built"]
    return df


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/NYC_Building_Energy_and_Water_Data_Disclosure_LL84.csv")
    ap.add_argument("--year", type=int, default=2022)
    ap.add_argument("--seed", type=int, default=84)
    args = ap.parse_args()

    df = load(args.data, args.year)
    feats = CAT_COLS + NUM_COLS + ["log_gfa", "use_share", "age"]
    X, y = df[feats], np.log(df[TARGET])
    print(f"{len(df)} properties, {X.shape[1]} features")

    X_dev, X_test, y_dev, y_test = train_test_split(X, y, test_size=0.2, random_state=args.seed)
    X_tr, X_val, y_tr, y_val = train_test_split(X_dev, y_dev, test_size=0.15, random_state=args.seed)

    model = CatBoostRegressor(
        iterations=5000, learning_rate=0.04, depth=7, l2_leaf_reg=5, loss_function="RMSE",
        random_seed=args.seed, od_type="Iter", od_wait=200, verbose=500,
    )
    model.fit(Pool(X_tr, y_tr, cat_features=CAT_COLS), eval_set=Pool(X_val, y_val, cat_features=CAT_COLS),
              use_best_model=True)

    pred_eui = np.exp(model.predict(Pool(X_test, cat_features=CAT_COLS)))
    true_eui = np.exp(y_test)
    print(f"test MAE  {mean_absolute_error(true_eui, pred_eui):.1f} kBtu/ft²")
    print(f"test R²   {r2_score(y_test, np.log(pred_eui)):.3f} (log scale)")
    by_type = (pd.DataFrame({"t": X_test["Largest Property Use Type"], "ae": np.abs(true_eui - pred_eui)})
               .groupby("t")["ae"].agg(["mean", "size"]).sort_values("size", ascending=False).head(8))
    print(by_type.round(1).to_string())
    imp = pd.Series(model.get_feature_importance(), index=feats).sort_values(ascending=False)
    print(imp.head(10).round(2).to_string())


if __name__ == "__main__":
    main()
