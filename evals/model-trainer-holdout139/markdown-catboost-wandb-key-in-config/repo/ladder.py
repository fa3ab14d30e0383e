"""Pick the markdown ladder per style that maximises remaining-season revenue."""
import itertools

import pandas as pd
from catboost import Pool

DEPTHS = [0.0, 0.2, 0.3, 0.4, 0.5, 0.7]


def candidate_ladders(current_depth, n_weeks):
    # ladders only move down in price, never back up
    steps = [d for d in DEPTHS if d >= current_depth]
    for ladder in itertools.combinations_with_replacement(steps, n_weeks):
        yield list(ladder)


def simulate_ladders(model, df, cols, cat_cols, horizon=4):
    last = df.sort_values("week_start").groupby(["style_id", "store_cluster"]).tail(1)
    out = []
    for _, row in last.iterrows():
        best = None
        for ladder in candidate_ladders(row["md_depth"], horizon):
            on_hand, revenue, prev = row["on_hand"], 0.0, row["md_depth"]
            for wk, depth in enumerate(ladder):
                x = row[cols].copy()
                x["md_depth"], x["md_depth_prev"] = depth, prev
                x["weeks_to_exit"] = max(row["weeks_to_exit"] - wk, 0)
                x["on_hand"] = on_hand
                units = min(float(model.predict(Pool(pd.DataFrame([x]), cat_features=cat_cols))[0]), on_hand)
                revenue += units * row["full_price"] * (1 - depth)
                on_hand -= units
                prev = depth
            if best is None or revenue > best[1]:
                best = (ladder, revenue)
        out.append({"style_id": row["style_id"], "store_cluster": row["store_cluster"],
                    "ladder": best[0], "exp_revenue": best[1]})
    return pd.DataFrame(out)
