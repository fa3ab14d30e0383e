"""Claim severity model: predicts log(paid amount) for closed claims."""
import argparse

import joblib
import numpy as np
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyRegressor
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, median_absolute_error, r2_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OrdinalEncoder

from claims.data import load_snapshot

CATEGORICAL = ["line_of_business", "region", "injury_type", "channel"]
NUMERIC = ["insured_age", "policy_tenure_years", "reported_delay_days", "initial_reserve"]


def build_model(seed: int) -> Pipeline:
    encode = ColumnTransformer(
        [("cat", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1), CATEGORICAL)],
        remainder="passthrough",
    )
    booster = HistGradientBoostingRegressor(
        loss="absolute_error", learning_rate=0.05, max_iter=1000, early_stopping=True,
        validation_fraction=0.15, categorical_features=list(range(len(CATEGORICAL))), random_state=seed,
    )
    return Pipeline([("encode", encode), ("model", booster)])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--month", default="2024-09")
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args()

    claims = load_snapshot(args.month)
    log_paid = np.log1p(claims["paid_amount"])
    train_feats, test_feats, train_target, test_target = train_test_split(
        claims[CATEGORICAL + NUMERIC], log_paid, test_size=0.2, random_state=args.seed
    )
    model = build_model(args.seed).fit(train_feats, train_target)
    median_guess = DummyRegressor(strategy="median").fit(train_feats, train_target)

    for name, reg in [("median", median_guess), ("hgb", model)]:
        pred = reg.predict(test_feats)
        print(
            f"{name:>6}: MAE(log) {mean_absolute_error(test_target, pred):.3f}  "
            f"MedAE(log) {median_absolute_error(test_target, pred):.3f}  R2 {r2_score(test_target, pred):.3f}"
        )
    joblib.dump(model, f"severity_{args.month}.joblib")


if __name__ == "__main__":
    main()
