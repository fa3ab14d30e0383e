"""Predict the BoardGameGeek average rating of a game from its metadata (games with >= 50 ratings).

    python boardgame_rating.py --games data/bgg_games_2024.csv
"""
import argparse
import logging

import numpy as np
import pandas as pd
from catboost import CatBoostRegressor, Pool
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.model_selection import train_test_split

logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
log = logging.getLogger("bgg")

CATS = ["primary_designer", "primary_publisher", "primary_mechanic", "primary_category", "min_age_bucket"]
TEXT = ["description"]
NUMS = ["year_published", "min_players", "max_players", "playing_time", "complexity_weight", "n_expansions"]


def load(path: str) -> pd.DataFrame:
    games = pd.read_csv(path)
    games = games[games["users_rated"] >= 50].copy()
    games["year_published"] = games["year_published"].clip(1950, 2024)
    games["min_age_bucket"] = pd.cut(games["min_age"], [0, 8, 12, 14, 99], labels=["kids", "family", "teen", "adult"]).astype(str)
    for c in CATS:
        games[c] = games[c].fillna("unknown")
    games["description"] = games["description"].fillna("")
    return games.reset_index(drop=True)


def pool(frame: pd.DataFrame, with_label: bool = True) -> Pool:
    return Pool(frame[CATS + TEXT + NUMS], frame["avg_rating"] if with_label else None,
                cat_features=CATS, text_features=TEXT)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--games", default="data/bgg_games_2024.csv")
    ap.add_argument("--seed", type=int, default=2024)
    args = ap.parse_args()

    games = load(args.games)
    rating_bins = pd.qcut(games["avg_rating"], 10, labels=False)
    dev, final_check = train_test_split(games, test_size=0.2, stratify=rating_bins, random_state=args.seed)
    dev_bins = pd.qcut(dev["avg_rating"], 10, labels=False)
    fit_part, stop_part = train_test_split(dev, test_size=0.15, stratify=dev_bins, random_state=args.seed)
    log.info("fit=%d  early-stop=%d  final check=%d", len(fit_part), len(stop_part), len(final_check))

    reg = CatBoostRegressor(loss_function="RMSE", iterations=6000, learning_rate=0.04, depth=6,
                            l2_leaf_reg=6, random_seed=args.seed, od_type="Iter", od_wait=300, verbose=500)
    reg.fit(pool(fit_part), eval_set=pool(stop_part), use_best_model=True)
    log.info("best iteration on early-stop split: %d", reg.get_best_iteration())

    y_true = final_check["avg_rating"].to_numpy()
    y_hat = reg.predict(pool(final_check, with_label=False))
    y_base = np.full_like(y_true, fit_part["avg_rating"].mean())
    for name, pred in [("catboost", y_hat), ("train-mean baseline", y_base)]:
        log.info("%-20s RMSE %.4f  MAE %.4f  R2 %.4f", name, mean_squared_error(y_true, pred) ** 0.5,
                 mean_absolute_error(y_true, pred), r2_score(y_true, pred))
    reg.save_model("bgg_rating.cbm")


if __name__ == "__main__":
    main()
