"""NBA home-win probability: pre-game Elo, rest and rolling net rating."""
import tomllib

import numpy as np
import pandas as pd
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, brier_score_loss, log_loss, roc_auc_score
from sklearn.model_selection import GridSearchCV, TimeSeriesSplit
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import SplineTransformer, StandardScaler

with open("nba_config.toml", "rb") as fh:
    CFG = tomllib.load(fh)
np.random.seed(CFG["seed"])


def pregame_elo(games: pd.DataFrame) -> pd.DataFrame:
    rating, season_of = {}, {}
    pre_h, pre_a = [], []
    for g in games.itertuples():
        for t in (g.home, g.away):
            if season_of.get(t) != g.season:
                rating[t] = 1500 + CFG["elo_carryover"] * (rating.get(t, 1500) - 1500)
                season_of[t] = g.season
        rh, ra = rating[g.home], rating[g.away]
        pre_h.append(rh)
        pre_a.append(ra)
        exp_h = 1 / (1 + 10 ** ((ra - rh - CFG["elo_home"]) / 400))
        mov = abs(g.home_pts - g.away_pts)
        mult = ((mov + 3) ** 0.8) / (7.5 + 0.006 * abs(rh - ra))
        delta = CFG["elo_k"] * mult * ((g.home_pts > g.away_pts) - exp_h)
        rating[g.home], rating[g.away] = rh + delta, ra - delta
    return games.assign(elo_home_pre=pre_h, elo_away_pre=pre_a)


def team_rolling(games: pd.DataFrame) -> pd.DataFrame:
    h = games[["game_id", "date", "home", "home_pts", "away_pts"]].set_axis(["game_id", "date", "team", "pf", "pa"], axis=1)
    a = games[["game_id", "date", "away", "away_pts", "home_pts"]].set_axis(["game_id", "date", "team", "pf", "pa"], axis=1)
    long = pd.concat([h.assign(side="h"), a.assign(side="a")]).sort_values(["team", "date"])
    long["net"] = long["pf"] - long["pa"]
    grp = long.groupby("team")
    long["net_l10"] = grp["net"].transform(lambda s: s.shift(1).rolling(10, min_periods=3).mean())
    long["rest"] = grp["date"].diff().dt.days.clip(upper=7)
    long["b2b"] = (long["rest"] == 1).astype(int)
    wide = long.pivot(index="game_id", columns="side", values=["net_l10", "rest", "b2b"])
    wide.columns = [f"{c}_{s}" for c, s in wide.columns]
    return games.join(wide, on="game_id")


def main() -> None:
    games = pd.read_csv(CFG["games_csv"], parse_dates=["date"]).sort_values(["date", "game_id"]).reset_index(drop=True)
    games = team_rolling(pregame_elo(games))
    games["elo_diff"] = games["elo_home_pre"] - games["elo_away_pre"] + CFG["elo_home"]
    games["rest_diff"] = games["rest_h"].fillna(3) - games["rest_a"].fillna(3)
    games["y"] = (games["home_pts"] > games["away_pts"]).astype(int)
    feats = ["elo_diff", "net_l10_h", "net_l10_a", "rest_diff", "b2b_h", "b2b_a"]

    dev = games[games["season"] < CFG["holdout_season"]]
    hold = games[games["season"] == CFG["holdout_season"]]

    pipe = Pipeline([
        ("impute", SimpleImputer(strategy="median")),
        ("scale", StandardScaler()),
        ("spline", SplineTransformer(n_knots=4, degree=2)),
        ("clf", LogisticRegression(max_iter=5000)),
    ])
    search = GridSearchCV(
        pipe,
        {"spline": ["passthrough", SplineTransformer(n_knots=4, degree=2)], "clf__C": [0.01, 0.1, 1.0, 10.0]},
        cv=TimeSeriesSplit(n_splits=CFG["cv_splits"]),
        scoring="neg_log_loss",
    )
    search.fit(dev[feats], dev["y"])
    print("best params:", search.best_params_, "cv logloss:", round(-search.best_score_, 4))

    y = hold["y"].to_numpy()
    p_model = search.predict_proba(hold[feats])[:, 1]
    p_elo = 1 / (1 + 10 ** (-hold["elo_diff"].to_numpy() / 400))
    p_home = np.full(len(hold), dev["y"].mean())
    for name, p in [("home-rate", p_home), ("elo", p_elo), ("model", p_model)]:
        print(f"{name:>9}: logloss={log_loss(y, p):.4f} brier={brier_score_loss(y, p):.4f} "
              f"acc={accuracy_score(y, p > 0.5):.3f} auc={roc_auc_score(y, p):.3f}")


if __name__ == "__main__":
    main()
