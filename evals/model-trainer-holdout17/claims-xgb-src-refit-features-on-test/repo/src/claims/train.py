import json
import logging

import pandas as pd
import xgboost as xgb
from sklearn.model_selection import GroupShuffleSplit

from claims.config import CATEGORICAL, NUMERIC, PATHS, SEED, TARGET, XGB_PARAMS
from claims.features import FeatureBuilder

log = logging.getLogger("claims.train")


def main():
    logging.basicConfig(level=logging.INFO)
    train = pd.read_parquet(PATHS["train"])

    inner = GroupShuffleSplit(n_splits=1, test_size=0.15, random_state=SEED)
    fit_idx, val_idx = next(inner.split(train, groups=train["policy_id"]))
    fit_df, val_df = train.iloc[fit_idx], train.iloc[val_idx]

    builder = FeatureBuilder(NUMERIC, CATEGORICAL)
    X_fit = builder.fit_transform(fit_df)
    X_val = builder.transform(val_df)

    model = xgb.XGBRegressor(**XGB_PARAMS, eval_metric="mae")
    model.fit(X_fit, fit_df[TARGET], eval_set=[(X_val, val_df[TARGET])], verbose=500)
    log.info("best iteration %d", model.best_iteration)
    model.save_model(PATHS["model"])

    stats = {"train_median_claim": float(fit_df[TARGET].median()), "best_iteration": int(model.best_iteration)}
    with open(PATHS["train_stats"], "w") as fh:
        json.dump(stats, fh)


if __name__ == "__main__":
    main()
