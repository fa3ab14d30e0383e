"""Markdown response model: weekly units for a style in clearance as a function of markdown
depth, weeks in clearance and inventory position. Tuned with expanding-window CV on the
2021-2023 clearance weeks; FW23/SS24 clearance held out.

    python markdown_response.py --data data/clearance_weeks.parquet
"""
import argparse

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import GridSearchCV, TimeSeriesSplit
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

CAT = ["dept", "price_band", "lifecycle", "region"]
NUM = ["md_depth", "md_depth_delta", "weeks_in_clearance", "weeks_to_exit", "oh_units",
       "oh_cover_wks", "full_price_st", "full_price", "store_count", "size_integrity"]
HOLDOUT_FROM = pd.Timestamp("2023-09-04")
SEED = 99


def main(path):
    df = pd.read_parquet(path)
    df["week_start"] = pd.to_datetime(df["week_start"])
    df = df.sort_values("week_start").reset_index(drop=True)

    train = df[df["week_start"] < HOLDOUT_FROM]
    test = df[df["week_start"] >= HOLDOUT_FROM]

    prep = ColumnTransformer([
        ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=50), CAT),
        ("num", StandardScaler(), NUM),
    ], sparse_threshold=0.0)
    pipe = Pipeline([
        ("prep", prep),
        ("hgb", HistGradientBoostingRegressor(loss="poisson", random_state=SEED)),
    ])
    grid = {
        "hgb__learning_rate": [0.03, 0.08],
        "hgb__max_leaf_nodes": [31, 63],
        "hgb__min_samples_leaf": [40, 120],
        "hgb__l2_regularization": [0.0, 1.0],
    }
    search = GridSearchCV(
        pipe, grid,
        cv=TimeSeriesSplit(n_splits=5, gap=4),
        scoring="neg_mean_absolute_error",
        n_jobs=-1, refit=True,
    )
    search.fit(train[CAT + NUM], train["units_sold"])
    print("best params:", search.best_params_)
    print(f"cv MAE: {-search.best_score_:.3f}")

    pred = search.predict(test[CAT + NUM])
    mae = mean_absolute_error(test["units_sold"], pred)
    wape = np.abs(test["units_sold"] - pred).sum() / test["units_sold"].sum()
    print(f"holdout MAE {mae:.3f}  WAPE {wape:.3f}")

    # markdown response curve for the median style, for the merch deck
    probe = train[NUM].median()
    ref = train.iloc[[-1]][CAT + NUM].copy()
    rows = []
    for d in np.arange(0.0, 0.75, 0.05):
        r = ref.copy()
        r[NUM] = probe[NUM].values
        r["md_depth"] = d
        rows.append({"md_depth": round(d, 2), "units": float(search.predict(r)[0])})
    print(pd.DataFrame(rows).to_string(index=False))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/clearance_weeks.parquet")
    main(ap.parse_args().data)
