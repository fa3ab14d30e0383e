"""La Liga H/D/A model: rolling-origin CV by season, then a single test-season evaluation."""
import json

import lightgbm as lgb
import numpy as np
import pandas as pd
import yaml
from sklearn.linear_model import LogisticRegression

from matchpred.features import market_probs, team_form
from matchpred.metrics import summarise

cfg = yaml.safe_load(open("params.yaml"))
np.random.seed(cfg["seed"])
LABEL = {"H": 0, "D": 1, "A": 2}


def season_folds(df: pd.DataFrame, first: int, last: int):
    """Train on all seasons before s, validate on season s."""
    for s in range(first, last):
        yield s, df.index[df.season < s], df.index[df.season == s]


def make_model() -> lgb.LGBMClassifier:
    return lgb.LGBMClassifier(objective="multiclass", random_state=cfg["seed"], verbose=-1, **cfg["lgbm"])


def main() -> None:
    fx = pd.read_csv(cfg["data"], parse_dates=["date"]).sort_values("date").reset_index(drop=True)
    fx = market_probs(team_form(fx, cfg["form_windows"]))
    fx["y"] = fx["ftr"].map(LABEL)
    feats = [c for c in fx.columns if c.startswith(("h_", "a_", "pts_diff_"))]
    fx = fx.dropna(subset=feats + ["y"]).reset_index(drop=True)

    dev = fx[fx.season < cfg["test_season"]]
    cv_rows = []
    for season, tr, va in season_folds(dev, cfg["first_cv_season"], cfg["test_season"]):
        model = make_model().fit(dev.loc[tr, feats], dev.loc[tr, "y"])
        elo_like = LogisticRegression(max_iter=2000).fit(dev.loc[tr, ["pts_diff_l8"]], dev.loc[tr, "y"])
        y_va = dev.loc[va, "y"].to_numpy()
        prior = np.tile(dev.loc[tr, "y"].value_counts(normalize=True).sort_index().to_numpy(), (len(va), 1))
        cv_rows += [
            {"season": season, "model": "prior", **summarise(prior, y_va)},
            {"season": season, "model": "form_logit", **summarise(elo_like.predict_proba(dev.loc[va, ["pts_diff_l8"]]), y_va)},
            {"season": season, "model": "lgbm", **summarise(model.predict_proba(dev.loc[va, feats]), y_va)},
            {"season": season, "model": "market", **summarise(dev.loc[va, ["mkt_h", "mkt_d", "mkt_a"]].to_numpy(), y_va)},
        ]
    cv = pd.DataFrame(cv_rows)
    print(cv.groupby("model")[["log_loss", "rps", "accuracy"]].mean().round(4))

    test = fx[fx.season == cfg["test_season"]]
    final = make_model().fit(dev[feats], dev["y"])
    y_te = test["y"].to_numpy()
    report = {
        "lgbm": summarise(final.predict_proba(test[feats]), y_te),
        "market": summarise(test[["mkt_h", "mkt_d", "mkt_a"]].to_numpy(), y_te),
    }
    print(json.dumps(report, indent=2))
    final.booster_.save_model("models/laliga_hda_lgbm.txt")


if __name__ == "__main__":
    main()
