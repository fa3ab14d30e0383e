import argparse

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss

from elo import add_elo

RESULT = {"H": 0, "D": 1, "A": 2}


def rps(proba, y):
    obs = np.eye(3)[y]
    return np.mean(np.sum((np.cumsum(proba, 1) - np.cumsum(obs, 1))[:, :2] ** 2, axis=1) / 2)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--csv", default="data/e0_2005_2024.csv")
    ap.add_argument("--test-season", default="2023-24")
    ap.add_argument("--burn-in-seasons", type=int, default=2)
    args = ap.parse_args()

    df = pd.read_csv(args.csv, parse_dates=["Date"], dayfirst=True)
    df["match_id"] = np.arange(len(df))
    df["y"] = df["FTR"].map(RESULT)

    # Elo runs over the whole history so the test season starts from up-to-date ratings
    df = add_elo(df)

    seasons = sorted(df.season.unique())
    train_seasons = [s for s in seasons[args.burn_in_seasons:] if s < args.test_season]
    train = df[df.season.isin(train_seasons)]
    test = df[df.season == args.test_season]

    X_cols = ["elo_diff"]
    clf = LogisticRegression(max_iter=1000)
    clf.fit(train[X_cols] / 100.0, train["y"])

    p = clf.predict_proba(test[X_cols] / 100.0)
    prior = np.tile(train["y"].value_counts(normalize=True).sort_index().to_numpy(), (len(test), 1))
    print(f"train seasons {train_seasons[0]}..{train_seasons[-1]} ({len(train)} matches), test {args.test_season} ({len(test)})")
    print(f"elo-logit  log loss {log_loss(test.y, p, labels=[0, 1, 2]):.4f}  RPS {rps(p, test.y.to_numpy()):.4f}")
    print(f"prior      log loss {log_loss(test.y, prior, labels=[0, 1, 2]):.4f}  RPS {rps(prior, test.y.to_numpy()):.4f}")
    print("coef per 100 Elo:", np.round(clf.coef_.ravel(), 3))


if __name__ == "__main__":
    main()
