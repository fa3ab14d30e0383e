import numpy as np
import pandas as pd

from model import fit, load_config, prepare, score, season_split


def best_step(model, row, cfg):
    cols = cfg["cat_features"] + cfg["num_features"]
    steps = [s for s in cfg["ladder"] if s >= row["discount_pct"]]
    cand = pd.DataFrame([row[cols].to_dict()] * len(steps))
    cand["discount_step"] = np.array(steps) - row["discount_pct"]
    cand["discount_pct"] = steps
    rate = np.clip(model.predict(cand[cols]), 0, 1)
    units = np.minimum(rate * row["stock_start"] * row["weeks_left"], row["stock_start"])
    price = row["full_price"] * (1 - np.array(steps))
    margin = (price - row["unit_cost"]) / price
    value = np.where(margin >= load_config()["min_margin_pct"], units * price, -np.inf)
    i = int(np.argmax(value))
    return steps[i], units[i], value[i]


def main():
    cfg = load_config()
    hist = prepare(pd.read_csv(cfg["history_csv"], parse_dates=["season_start", "week"]))
    train, valid, test = season_split(hist)
    print(f"train {train['season'].nunique()} seasons | valid {valid['season'].iloc[0]} | test {test['season'].iloc[0]}")

    model = fit(train, valid, cfg)
    print("valid:", score(model, valid, cfg))
    print("test :", score(model, test, cfg))

    live = prepare(pd.read_csv(cfg["live_csv"], parse_dates=["week"]))
    live = live.sort_values("week").groupby("style_id").tail(1)
    recs = [dict(zip(("style_id", "next_discount", "exp_units", "exp_revenue"),
                     (r["style_id"], *best_step(model, r, cfg)))) for _, r in live.iterrows()]
    pd.DataFrame(recs).to_csv("output/clearance_recommendations.csv", index=False)


if __name__ == "__main__":
    main()
