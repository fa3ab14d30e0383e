import json

import lightgbm as lgb
import numpy as np
import pandas as pd
import yaml
from scipy.stats import spearmanr
from sklearn.metrics import mean_absolute_error, mean_poisson_deviance

from features import FEATURES, add_assignee_stats, add_categoricals, add_text_stats


def main(cfg_path: str = "params.yaml"):
    with open(cfg_path) as fh:
        cfg = yaml.safe_load(fh)
    target = cfg["target"]

    df = pd.read_parquet(cfg["data"])
    df["grant_year"] = pd.to_datetime(df["grant_date"]).dt.year
    df = df[df[target].notna()].copy()

    df = add_text_stats(df)
    df = add_assignee_stats(df, target, cfg["assignee_prior_weight"])
    df = add_categoricals(df)

    lo, hi = cfg["split"]["train_years"]
    train = df[df["grant_year"].between(lo, hi)]
    valid = df[df["grant_year"] == cfg["split"]["valid_year"]]
    test = df[df["grant_year"] == cfg["split"]["test_year"]]
    print(f"train {len(train):,} valid {len(valid):,} test {len(test):,}")

    p = cfg["lgbm"]
    model = lgb.LGBMRegressor(**p, random_state=cfg["seed"], n_jobs=-1)
    model.fit(
        train[FEATURES], train[target],
        eval_set=[(valid[FEATURES], valid[target])],
        eval_metric="tweedie",
        callbacks=[lgb.early_stopping(150), lgb.log_evaluation(250)],
    )

    pred = model.predict(test[FEATURES])
    metrics = {
        "best_iteration": int(model.best_iteration_),
        "mae": mean_absolute_error(test[target], pred),
        "poisson_deviance": mean_poisson_deviance(test[target], np.clip(pred, 1e-6, None)),
        "spearman": spearmanr(test[target], pred).correlation,
    }
    print(json.dumps(metrics, indent=2))
    model.booster_.save_model("models/fwd_cites_lgbm.txt")
    with open("models/metrics.json", "w") as fh:
        json.dump(metrics, fh, indent=2)


if __name__ == "__main__":
    main()
