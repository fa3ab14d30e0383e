import json

import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestRegressor
from sklearn.metrics import mean_absolute_error, r2_score

from blocks import assign_blocks, block_holdout, block_summary


def main():
    with open("settings.json") as f:
        cfg = json.load(f)

    df = pd.read_parquet(cfg["data_path"])
    df = df.dropna(subset=cfg["features"] + [cfg["target"]])
    # burned fraction of the 0.25 deg cell in that month, in [0, 1]
    df["pop_density"] = np.log1p(df["pop_density"])
    df["cattle_density"] = np.log1p(df["cattle_density"])
    df["block"] = assign_blocks(df, size_deg=cfg["block_size_deg"])

    train, test = block_holdout(df, test_frac=cfg["test_frac"])
    print(block_summary(train, test))

    X_tr, y_tr = train[cfg["features"]], train[cfg["target"]]
    X_te, y_te = test[cfg["features"]], test[cfg["target"]]

    rf = RandomForestRegressor(n_jobs=-1, **cfg["rf"])
    rf.fit(X_tr, y_tr)
    pred = rf.predict(X_te).clip(0, 1)

    print(f"R2  (held-out blocks): {r2_score(y_te, pred):.3f}")
    print(f"MAE (held-out blocks): {mean_absolute_error(y_te, pred):.4f}")

    # skill by dominant land cover of the test cells
    test = test.assign(pred=pred, savanna=test["herb_cover_pct"] > test["tree_cover_pct"])
    for is_sav, g in test.groupby("savanna"):
        name = "savanna/grass" if is_sav else "woody"
        print(f"  {name:14s} n={len(g):6d}  R2={r2_score(g[cfg['target']], g['pred']):.3f}")

    imp = pd.Series(rf.feature_importances_, index=cfg["features"]).sort_values(ascending=False)
    print(imp.round(3).to_string())


if __name__ == "__main__":
    main()
