"""Grid-search Prophet settings for a hub cell's hourly DL traffic and export the chosen config."""
import itertools
import json
import logging

import pandas as pd

from prophet_utils import fit_and_score, load_cell_series

logging.getLogger("cmdstanpy").setLevel(logging.WARNING)


def main(cfg_path="params.json"):
    cfg = json.load(open(cfg_path))
    df = load_cell_series(cfg["data_path"], cfg["cell_id"])

    split = df["ds"].max() - pd.Timedelta(days=cfg["holdout_days"])
    train_df = df[df["ds"] <= split]
    test_df = df[df["ds"] > split]
    print(f"{cfg['cell_id']}: train {len(train_df)}h, holdout {len(test_df)}h")

    grid = cfg["grid"]
    keys = list(grid)
    results = []
    for values in itertools.product(*(grid[k] for k in keys)):
        params = dict(zip(keys, values))
        score, _ = fit_and_score(train_df, test_df, params, cfg["country_holidays"])
        results.append({**params, "wape": score})
        print(params, f"WAPE={score:.3%}")

    res = pd.DataFrame(results).sort_values("wape")
    best = res.iloc[0].to_dict()
    print("\nbest config:", best)
    print(f"holdout WAPE of selected model: {best['wape']:.2%}")

    res.to_csv(f"tuning_{cfg['cell_id']}.csv", index=False)
    with open(f"best_params_{cfg['cell_id']}.json", "w") as f:
        json.dump({k: best[k] for k in keys} | {"holdout_wape": best["wape"]}, f, indent=2)


if __name__ == "__main__":
    main()
