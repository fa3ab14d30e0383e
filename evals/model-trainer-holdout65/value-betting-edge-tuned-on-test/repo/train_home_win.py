"""Home-win probability model and flat-stake value betting backtest (closing odds)."""
import numpy as np
import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.metrics import brier_score_loss, log_loss, roc_auc_score

from staking import implied_probabilities, simulate_flat_bets

SEED = 99
TRAIN_SEASONS = range(2012, 2022)
VALID_SEASON = 2022
TEST_SEASON = 2023

NUMERIC = [
    "home_elo", "away_elo", "home_xg_form5", "away_xg_form5", "home_xga_form5", "away_xga_form5",
    "home_rest_days", "away_rest_days", "home_injured_starters", "away_injured_starters",
    "imp_home", "imp_draw", "imp_away",
]
CATEGORICAL = ["league", "home_team", "away_team"]


def load(path: str) -> pd.DataFrame:
    df = pd.read_csv(path, parse_dates=["kickoff"]).sort_values("kickoff")
    imp = implied_probabilities(df[["close_odds_home", "close_odds_draw", "close_odds_away"]])
    df[["imp_home", "imp_draw", "imp_away"]] = imp.to_numpy()
    df["home_win"] = (df["home_goals"] > df["away_goals"]).astype(int)
    return df


def main() -> None:
    df = load("data/matches_with_closing_odds.csv")
    train = df[df["season"].isin(TRAIN_SEASONS)]
    valid = df[df["season"] == VALID_SEASON]
    test = df[df["season"] == TEST_SEASON]

    cols = NUMERIC + CATEGORICAL
    model = CatBoostClassifier(
        iterations=3000,
        learning_rate=0.03,
        depth=6,
        l2_leaf_reg=5,
        loss_function="Logloss",
        random_seed=SEED,
        od_type="Iter",
        od_wait=150,
        verbose=250,
    )
    model.fit(
        Pool(train[cols], train["home_win"], cat_features=CATEGORICAL),
        eval_set=Pool(valid[cols], valid["home_win"], cat_features=CATEGORICAL),
        use_best_model=True,
    )

    p_test = model.predict_proba(test[cols])[:, 1]
    y_test = test["home_win"].to_numpy()
    for name, p in [("bookmaker", test["imp_home"].to_numpy()), ("catboost", p_test)]:
        print(
            f"{name:>10}: logloss={log_loss(y_test, p):.4f} brier={brier_score_loss(y_test, p):.4f} "
            f"auc={roc_auc_score(y_test, p):.4f}"
        )

    home_odds = test["close_odds_home"].to_numpy()
    backtests = [
        simulate_flat_bets(home_odds, p_test, y_test, edge)
        for edge in np.arange(0.0, 0.21, 0.01)
    ]
    results = pd.DataFrame(backtests)
    results = results[results["n_bets"] >= 50]
    best = results.loc[results["roi"].idxmax()]
    print(results.round(4).to_string(index=False))
    print(
        f"\nselected min_edge={best['min_edge']:.2f}: {int(best['n_bets'])} bets, "
        f"ROI {best['roi']:+.2%}, hit rate {best['hit_rate']:.1%} on {TEST_SEASON}"
    )

    model.save_model("models/home_win_catboost.cbm")
    pd.Series({"min_edge": float(best["min_edge"])}).to_json("models/betting_policy.json")


if __name__ == "__main__":
    main()
