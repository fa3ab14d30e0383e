"""In-game win probability for the team in possession (nflverse play-by-play).

Seasons 2014-2019 train, 2020 validation (model selection), 2021-2023 test.
After selection the chosen config is refit on 2014-2020 and the test seasons are scored once.
"""
import argparse

import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import brier_score_loss, log_loss

FEATURES = [
    "score_differential", "game_seconds_remaining", "half_seconds_remaining", "qtr",
    "down", "ydstogo", "yardline_100", "posteam_timeouts_remaining", "defteam_timeouts_remaining",
    "receive_2h_ko", "spread_line_pos", "is_home_pos", "diff_time_ratio",
]
CONFIGS = [
    {"max_depth": 4, "learning_rate": 0.05, "max_iter": 300, "min_samples_leaf": 200},
    {"max_depth": 6, "learning_rate": 0.05, "max_iter": 400, "min_samples_leaf": 200},
    {"max_depth": None, "learning_rate": 0.03, "max_iter": 600, "min_samples_leaf": 500, "max_leaf_nodes": 31},
]


def prepare(pbp):
    pbp = pbp[pbp.posteam.notna() & pbp.result.notna() & (pbp.qtr <= 4)].copy()
    pbp["pos_won"] = np.where(pbp.posteam == pbp.home_team, pbp.result > 0, pbp.result < 0).astype(int)
    pbp = pbp[pbp.result != 0]  # drop ties
    pbp["is_home_pos"] = (pbp.posteam == pbp.home_team).astype(int)
    pbp["spread_line_pos"] = np.where(pbp.is_home_pos == 1, pbp.spread_line, -pbp.spread_line)
    pbp["receive_2h_ko"] = ((pbp.qtr <= 2) & (pbp.posteam != pbp.kickoff_team_1h)).astype(int)
    pbp["diff_time_ratio"] = pbp.score_differential / np.exp(-4 * pbp.game_seconds_remaining / 3600)
    return pbp.dropna(subset=["down"] + FEATURES)


def make_model(cfg, seed):
    return HistGradientBoostingClassifier(early_stopping=False, random_state=seed, **cfg)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pbp", default="data/pbp_2014_2023.parquet")
    ap.add_argument("--seed", type=int, default=5)
    args = ap.parse_args()

    pbp = prepare(pd.read_parquet(args.pbp))
    train = pbp[pbp.season <= 2019]
    val = pbp[pbp.season == 2020]
    test = pbp[pbp.season >= 2021]

    scores = []
    for cfg in CONFIGS:
        m = make_model(cfg, args.seed).fit(train[FEATURES], train.pos_won)
        p = m.predict_proba(val[FEATURES])[:, 1]
        scores.append(log_loss(val.pos_won, p))
        print(cfg, f"val log loss {scores[-1]:.4f}  brier {brier_score_loss(val.pos_won, p):.4f}")
    best_cfg = CONFIGS[int(np.argmin(scores))]
    print("selected", best_cfg)

    train_val = pd.concat([train, val])
    final = make_model(best_cfg, args.seed).fit(train_val[FEATURES], train_val.pos_won)

    p_test = final.predict_proba(test[FEATURES])[:, 1]
    print(f"test 2021-23 log loss {log_loss(test.pos_won, p_test):.4f}  brier {brier_score_loss(test.pos_won, p_test):.4f}")
    late = test.game_seconds_remaining < 300
    print(f"  last 5 min: brier {brier_score_loss(test.pos_won[late], p_test[late.to_numpy()]):.4f}")


if __name__ == "__main__":
    main()
