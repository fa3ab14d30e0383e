import argparse

import numpy as np
import pandas as pd
import wandb
import xgboost as xgb
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import GroupShuffleSplit

from resale import settings
from resale.features import FEATURES, TARGET, build_frame


def parse():
    p = argparse.ArgumentParser(description="train the resale markup model")
    p.add_argument("--no-wandb", action="store_true")
    p.add_argument("--save", default="models/markup_xgb.json")
    return p.parse_args()


def main():
    args = parse()
    if not args.no_wandb:
        wandb.login(key=settings.WANDB_KEY)
        wandb.init(project=settings.PROJECT, entity=settings.WANDB_ENTITY, config=settings.XGB_PARAMS)

    df = build_frame(pd.read_parquet(settings.LISTINGS))
    gss = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=settings.SEED)
    tr_idx, te_idx = next(gss.split(df, groups=df["show_id"]))
    train, test = df.iloc[tr_idx], df.iloc[te_idx]

    model = xgb.XGBRegressor(**settings.XGB_PARAMS, enable_categorical=True, random_state=settings.SEED)
    model.fit(
        train[FEATURES], train[TARGET],
        eval_set=[(test[FEATURES], test[TARGET])],
        verbose=250,
    )
    pred = model.predict(test[FEATURES])
    naive = np.full(len(test), train[TARGET].median())
    metrics = {
        "best_iteration": model.best_iteration,
        "test_mae": mean_absolute_error(test[TARGET], pred),
        "test_rmse": mean_squared_error(test[TARGET], pred) ** 0.5,
        "test_mae_median_baseline": mean_absolute_error(test[TARGET], naive),
    }
    print(metrics)
    if not args.no_wandb:
        wandb.log(metrics)
    model.save_model(args.save)


if __name__ == "__main__":
    main()
