import argparse
import json

import numpy as np
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, log_loss
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from features import FEATURES, add_rolling_form, add_team_strength, load_matches


def season_of(date):
    start = date.year if date.month >= 7 else date.year - 1
    return f"{start}-{str(start + 1)[-2:]}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="config.yaml")
    args = parser.parse_args()
    with open(args.config) as f:
        cfg = yaml.safe_load(f)

    df = load_matches(cfg["data_path"])
    df["season"] = df["Date"].apply(season_of)
    df = add_rolling_form(df, window=cfg["form_window"])
    df = add_team_strength(df)
    df = df.dropna(subset=FEATURES)

    train = df[df.season < cfg["test_season"]]
    test = df[df.season == cfg["test_season"]]
    print(f"train: {len(train)} matches ({train.season.nunique()} seasons), test: {len(test)}")

    model = make_pipeline(
        StandardScaler(),
        LogisticRegression(C=cfg["model"]["C"], max_iter=cfg["model"]["max_iter"]),
    )
    model.fit(train[FEATURES], train["result"])

    proba = model.predict_proba(test[FEATURES])
    base = np.tile(train["result"].value_counts(normalize=True).sort_index().values, (len(test), 1))
    metrics = {
        "log_loss": log_loss(test["result"], proba, labels=[0, 1, 2]),
        "baseline_log_loss": log_loss(test["result"], base, labels=[0, 1, 2]),
        "accuracy": accuracy_score(test["result"], proba.argmax(axis=1)),
    }
    print(json.dumps(metrics, indent=2))
    with open("metrics.json", "w") as f:
        json.dump(metrics, f, indent=2)


if __name__ == "__main__":
    main()
