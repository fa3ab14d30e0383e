"""End-of-season markdown optimisation for apparel.

Step 1: learn weekly sell-through as a function of markdown depth, weeks-to-season-end,
        remaining inventory and item attributes (trained on past seasons).
Step 2: for every live SKU, pick the markdown ladder step that maximises expected
        revenue over the remaining weeks subject to the clearance target.
"""
import argparse

import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestRegressor
from sklearn.metrics import mean_absolute_error

FEATURES = [
    "markdown_pct", "weeks_to_end", "inv_cover_weeks", "sell_through_to_date",
    "full_price", "dept_code", "is_core", "prev_week_units", "prev_markdown_pct",
]
LADDER = np.array([0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7])


class MarkdownOptimizer:
    def __init__(self, n_estimators=500, min_samples_leaf=20):
        self.model = RandomForestRegressor(
            n_estimators=n_estimators,
            min_samples_leaf=min_samples_leaf,
            max_features=0.5,
            n_jobs=-1,
        )

    def fit(self, hist):
        self.model.fit(hist[FEATURES], hist["sell_through_rate"])
        return self

    def evaluate(self, hold):
        pred = self.model.predict(hold[FEATURES])
        return {
            "mae_sell_through": mean_absolute_error(hold["sell_through_rate"], pred),
            "units_wape": np.abs(pred * hold["inv_start"] - hold["units"]).sum() / hold["units"].sum(),
        }

    def recommend(self, live, clearance_target=0.85):
        recs = []
        for _, row in live.iterrows():
            allowed = LADDER[LADDER >= row["current_markdown_pct"]]
            cand = pd.DataFrame([row[FEATURES]] * len(allowed))
            cand["markdown_pct"] = allowed
            st = np.clip(self.model.predict(cand[FEATURES]), 0, 1)
            units = np.minimum(st * row["inv_start"] * row["weeks_to_end"], row["inv_start"])
            revenue = units * row["full_price"] * (1 - allowed)
            ok = units / row["inv_start"] >= clearance_target
            best = np.argmax(np.where(ok, revenue, revenue - 1e9)) if ok.any() else len(allowed) - 1
            recs.append({"sku": row["sku"], "markdown_pct": allowed[best],
                         "exp_units": units[best], "exp_revenue": revenue[best]})
        return pd.DataFrame(recs)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--history", default="data/markdown_history_weekly.csv")
    ap.add_argument("--live", default="data/live_skus_this_week.csv")
    args = ap.parse_args()

    hist = pd.read_csv(args.history, parse_dates=["season_start"])
    hist = hist[hist["inv_start"] > 0]
    hist["sell_through_rate"] = hist["units"] / hist["inv_start"]

    # hold out the most recent completed season, train on everything before it
    last_start = hist["season_start"].max()
    train = hist[hist["season_start"] < last_start]
    hold = hist[hist["season_start"] == last_start]
    print(f"train seasons: {sorted(train['season'].unique())} | holdout: {hold['season'].iloc[0]}")

    opt = MarkdownOptimizer().fit(train)
    print("holdout:", opt.evaluate(hold))

    opt = MarkdownOptimizer().fit(hist)
    live = pd.read_csv(args.live)
    recs = opt.recommend(live)
    recs.to_csv("output/markdown_recommendations.csv", index=False)
    print(recs.head(20))


if __name__ == "__main__":
    main()
