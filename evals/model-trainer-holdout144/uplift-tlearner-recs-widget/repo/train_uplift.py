"""Fit a T-learner on the PDP recs-widget A/B test to target the widget at users with positive uplift."""
import argparse

import pandas as pd
import wandb
import yaml
from sklearn.model_selection import train_test_split

from uplift import TLearner, qini_coefficient, qini_curve


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    args = ap.parse_args()
    cfg = yaml.safe_load(open(args.config))
    exp, feats = cfg["experiment"], cfg["features"]

    wandb.login(key=cfg["wandb"]["api_key"])
    run = wandb.init(project=cfg["wandb"]["project"], entity=cfg["wandb"]["entity"],
                     name=f"tlearner-{exp['name']}", config=cfg)

    users = pd.read_parquet(exp["data_path"])
    # randomisation unit is the user; drop users who saw both arms (cookie churn / cross-device)
    users = users[users["exposure_conflict"] == 0].reset_index(drop=True)
    strata = users[exp["treatment_col"]].astype(str) + "_" + users[exp["outcome_col"]].astype(str)

    train, test = train_test_split(
        users, test_size=cfg["split"]["test_size"], stratify=strata, random_state=cfg["split"]["seed"]
    )

    model = TLearner(cfg["model"], seed=cfg["split"]["seed"]).fit(
        train[feats], train[exp["treatment_col"]].values, train[exp["outcome_col"]].values
    )

    uplift = model.predict_uplift(test[feats])
    t, y = test[exp["treatment_col"]].values, test[exp["outcome_col"]].values
    qini = qini_coefficient(y, t, uplift)
    frac, curve = qini_curve(y, t, uplift)

    ate = y[t == 1].mean() - y[t == 0].mean()
    top = uplift >= pd.Series(uplift).quantile(0.7)
    ate_top = y[top & (t == 1)].mean() - y[top & (t == 0)].mean()
    print(f"holdout ATE {ate:.4%}  top-30% observed uplift {ate_top:.4%}  qini {qini:.5f}")

    run.log({"qini": qini, "ate_holdout": ate, "ate_top30": ate_top,
             "qini_curve": wandb.plot.line_series(xs=list(frac), ys=[list(curve)], keys=["model"], title="Qini")})
    run.finish()


if __name__ == "__main__":
    main()
