"""Pure premium (burning cost) model for household: LightGBM Tweedie on loss cost per policy-year."""
import json
import tomllib
from pathlib import Path

import lightgbm as lgb
import numpy as np
from sklearn.metrics import mean_tweedie_deviance

from burning_cost.data import CATEGORICAL, FEATURES, load_policy_year_panel, split_by_year
from burning_cost.evaluation import double_lift, gini_index

with open("params.toml", "rb") as fh:
    CFG = tomllib.load(fh)


def main():
    panel = load_policy_year_panel(CFG["data"]["policies"], CFG["data"]["claims"])
    train_df, holdout_df = split_by_year(panel, holdout_year=CFG["split"]["holdout_year"])
    print(f"train years {sorted(train_df.policy_year.unique())}, holdout {CFG['split']['holdout_year']}")

    X_tr, X_ho = train_df[FEATURES], holdout_df[FEATURES]
    y_tr = train_df["incurred"] / train_df["exposure"]
    y_ho = holdout_df["incurred"] / holdout_df["exposure"]
    w_tr, w_ho = train_df["exposure"], holdout_df["exposure"]

    p = CFG["lgbm"]
    model = lgb.LGBMRegressor(
        objective="tweedie",
        tweedie_variance_power=p["variance_power"],
        n_estimators=p["max_rounds"],
        learning_rate=p["learning_rate"],
        num_leaves=p["num_leaves"],
        min_child_samples=p["min_child_samples"],
        colsample_bytree=p["feature_fraction"],
        subsample=p["bagging_fraction"],
        subsample_freq=p["bagging_freq"],
        reg_lambda=p["reg_lambda"],
        random_state=p["seed"],
    )
    model.fit(
        X_tr, y_tr,
        sample_weight=w_tr,
        eval_set=[(X_ho, y_ho)],
        eval_sample_weight=[w_ho],
        eval_metric="tweedie",
        categorical_feature=CATEGORICAL,
        callbacks=[lgb.early_stopping(p["early_stopping_rounds"]), lgb.log_evaluation(200)],
    )
    print(f"best iteration: {model.best_iteration_}")

    pred_ho = model.predict(X_ho, num_iteration=model.best_iteration_)
    flat = np.full(len(y_ho), np.average(y_tr, weights=w_tr))
    current_rate = holdout_df["current_technical_premium"] / holdout_df["exposure"]

    metrics = {
        "tweedie_dev_model": mean_tweedie_deviance(y_ho, pred_ho, sample_weight=w_ho, power=p["variance_power"]),
        "tweedie_dev_flat": mean_tweedie_deviance(y_ho, flat, sample_weight=w_ho, power=p["variance_power"]),
        "gini_model": gini_index(y_ho, pred_ho, w_ho),
        "gini_current_rates": gini_index(y_ho, current_rate, w_ho),
    }
    print(json.dumps(metrics, indent=2))
    print(double_lift(holdout_df["incurred"], pred_ho * w_ho, holdout_df["current_technical_premium"], w_ho))

    out = Path(CFG["output"]["dir"])
    out.mkdir(parents=True, exist_ok=True)
    model.booster_.save_model(str(out / "tweedie_lgbm.txt"), num_iteration=model.best_iteration_)
    (out / "holdout_metrics.json").write_text(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    main()
