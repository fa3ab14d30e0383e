"""Home/draw/away model for league matches, seasons split chronologically.

Data come from the club's HF hub dataset; the revision is pinned to a commit so
re-runs see identical rows.
"""
import argparse
import json
import logging

import lightgbm as lgb
import numpy as np
import pandas as pd
from datasets import Dataset, load_dataset
from sklearn.metrics import accuracy_score, f1_score, log_loss

DATASET_ID = "northbank-analytics/league-results"
DATASET_REVISION = "9c4e2b7f1a0d8e6c3b5a7f9d2e4c6b8a0f1e3d5c"
OUTCOME = {"H": 0, "D": 1, "A": 2}
log = logging.getLogger("outcomes")


def team_form(matches: pd.DataFrame, window: int = 6) -> pd.DataFrame:
    """Pre-match rolling form per team, built only from earlier fixtures (shift(1))."""
    matches = matches.sort_values(["kickoff", "match_id"]).reset_index(drop=True)
    sides = []
    for side, other in (("home", "away"), ("away", "home")):
        s = matches[["match_id", "kickoff", f"{side}_team", f"{side}_goals", f"{other}_goals", f"{side}_xg"]]
        s.columns = ["match_id", "kickoff", "team", "gf", "ga", "xg"]
        sides.append(s.assign(side=side))
    long = pd.concat(sides).sort_values(["kickoff", "match_id"])
    long["pts"] = np.where(long.gf > long.ga, 3, np.where(long.gf == long.ga, 1, 0))
    grp = long.groupby("team")
    for col in ("gf", "ga", "xg", "pts"):
        long[f"{col}_form"] = grp[col].transform(lambda s: s.shift(1).rolling(window, min_periods=2).mean())
    long["rest_days"] = grp["kickoff"].diff().dt.days
    wide = long.pivot(index="match_id", columns="side",
                      values=["gf_form", "ga_form", "xg_form", "pts_form", "rest_days"])
    wide.columns = [f"{a}_{b}" for a, b in wide.columns]
    return matches.merge(wide.reset_index(), on="match_id").dropna()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=21)
    ap.add_argument("--valid-season", type=int, default=2021)
    ap.add_argument("--test-from", type=int, default=2022)
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO)
    np.random.seed(args.seed)

    raw = load_dataset(DATASET_ID, revision=DATASET_REVISION, split="train")
    frame = raw.to_pandas()
    frame["kickoff"] = pd.to_datetime(frame["kickoff"])
    frame = team_form(frame)
    frame["label"] = frame["result"].map(OUTCOME)
    ds = Dataset.from_pandas(frame, preserve_index=False)

    train_ds = ds.filter(lambda r: r["season"] < args.valid_season)
    valid_ds = ds.filter(lambda r: r["season"] == args.valid_season)
    test_ds = ds.filter(lambda r: r["season"] >= args.test_from)
    train_ds = train_ds.shuffle(seed=args.seed)   # order within the training seasons only
    log.info("train %d / valid %d / test %d matches", len(train_ds), len(valid_ds), len(test_ds))

    features = [c for c in frame.columns if c.endswith(("_home", "_away"))]
    cols = features + ["label"]
    tr, va, te = (d.select_columns(cols).to_pandas() for d in (train_ds, valid_ds, test_ds))

    clf = lgb.LGBMClassifier(objective="multiclass", n_estimators=3000, learning_rate=0.02, num_leaves=15,
                             min_child_samples=60, subsample=0.8, subsample_freq=1, colsample_bytree=0.8,
                             random_state=args.seed, verbose=-1)
    clf.fit(tr[features], tr["label"], eval_set=[(va[features], va["label"])], eval_metric="multi_logloss",
            callbacks=[lgb.early_stopping(150, verbose=False)])

    prior = np.bincount(tr["label"], minlength=3) / len(tr)
    proba = clf.predict_proba(te[features])
    base = np.tile(prior, (len(te), 1))
    onehot = np.eye(3)[te["label"]]
    out = {
        "best_iteration": int(clf.best_iteration_),
        "model": {"log_loss": log_loss(te["label"], proba), "brier": float(((proba - onehot) ** 2).sum(1).mean()),
                  "accuracy": accuracy_score(te["label"], proba.argmax(1)),
                  "macro_f1": f1_score(te["label"], proba.argmax(1), average="macro")},
        "prior_baseline": {"log_loss": log_loss(te["label"], base),
                           "brier": float(((base - onehot) ** 2).sum(1).mean())},
    }
    log.info(json.dumps(out, indent=2))
    clf.booster_.save_model("outcomes_lgbm.txt")


if __name__ == "__main__":
    main()
