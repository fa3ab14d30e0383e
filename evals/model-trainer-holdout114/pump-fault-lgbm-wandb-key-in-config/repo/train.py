"""Fault-type classifier for the centrifugal pump fleet (vibration + process features)."""
import argparse

import lightgbm as lgb
import pandas as pd
import wandb
import yaml
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import GroupShuffleSplit

from features import load


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    ap.add_argument("--no-wandb", action="store_true")
    args = ap.parse_args()
    cfg = yaml.safe_load(open(args.config))

    df, cols = load(cfg["data"], cfg["features"])
    target, group = cfg["data"]["target"], cfg["data"]["group_col"]

    # whole pumps go to test: snapshots of the same pump are strongly correlated
    gss = GroupShuffleSplit(n_splits=1, test_size=cfg["data"]["test_size"], random_state=cfg["seed"])
    tr_idx, te_idx = next(gss.split(df, groups=df[group]))
    train, test = df.iloc[tr_idx], df.iloc[te_idx]
    print(f"train pumps={train[group].nunique()} test pumps={test[group].nunique()}")
    print(test[target].value_counts())

    run = None
    if not args.no_wandb:
        wandb.login(key=cfg["wandb"]["api_key"])
        run = wandb.init(project=cfg["wandb"]["project"], entity=cfg["wandb"]["entity"],
                         tags=cfg["wandb"]["tags"], config=cfg)

    clf = lgb.LGBMClassifier(**cfg["model"], random_state=cfg["seed"], verbose=-1)
    clf.fit(train[cols], train[target])

    pred = clf.predict(test[cols])
    macro_f1 = f1_score(test[target], pred, average="macro")
    print(classification_report(test[target], pred, digits=3))
    print(f"macro F1 on held-out pumps: {macro_f1:.3f}")

    if run is not None:
        imp = pd.DataFrame({"feature": cols, "gain": clf.booster_.feature_importance("gain")})
        wandb.log({"test/macro_f1": macro_f1,
                   "feature_importance": wandb.Table(dataframe=imp.sort_values("gain", ascending=False))})
        run.finish()


if __name__ == "__main__":
    main()
