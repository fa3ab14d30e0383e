"""First-year CLV regression for new DTC subscribers.

High-cardinality marketing fields (utm_campaign, landing_page, postcode_district)
are target-encoded; everything else goes in as ordinal / raw numeric.
"""
import json
import sys

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer, TransformedTargetRegressor
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_absolute_error, median_absolute_error
from sklearn.model_selection import KFold, cross_validate, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OrdinalEncoder, TargetEncoder

SEED = 61
HIGH_CARD = ["utm_campaign", "landing_page", "postcode_district"]
LOW_CARD = ["first_product", "plan_size", "device"]
NUMERIC = ["first_order_value", "discount_pct", "days_to_second_order", "items_first_order",
           "email_opt_in", "sms_opt_in", "quiz_completed"]
TARGET = "revenue_first_365d"


def build_model() -> TransformedTargetRegressor:
    pre = ColumnTransformer(
        [
            ("te", TargetEncoder(target_type="continuous", smooth="auto", cv=5, shuffle=True, random_state=SEED), HIGH_CARD),
            ("ord", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1), LOW_CARD),
        ],
        remainder="passthrough",
    )
    gbm = HistGradientBoostingRegressor(
        loss="absolute_error", learning_rate=0.05, max_iter=500, max_leaf_nodes=31,
        categorical_features=[3, 4, 5], early_stopping=True, random_state=SEED,
    )
    return TransformedTargetRegressor(
        regressor=Pipeline([("pre", pre), ("gbm", gbm)]), func=np.log1p, inverse_func=np.expm1
    )


def main(path):
    df = pd.read_csv(path, low_memory=False)
    df = df[df["signup_date"] < "2023-01-01"]  # need a full year of revenue
    df[HIGH_CARD + LOW_CARD] = df[HIGH_CARD + LOW_CARD].fillna("(none)")
    X, y = df[HIGH_CARD + LOW_CARD + NUMERIC], df[TARGET].clip(lower=0)

    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=SEED)

    cv = cross_validate(
        build_model(), X_train, y_train,
        cv=KFold(n_splits=5, shuffle=True, random_state=SEED),
        scoring="neg_mean_absolute_error", n_jobs=-1,
    )
    print(f"CV MAE: {-cv['test_score'].mean():.2f} ± {cv['test_score'].std():.2f}")

    model = build_model().fit(X_train, y_train)
    pred = model.predict(X_test)
    metrics = {
        "test_mae": mean_absolute_error(y_test, pred),
        "test_median_ae": median_absolute_error(y_test, pred),
        "test_mae_train_median_baseline": mean_absolute_error(y_test, np.full(len(y_test), y_train.median())),
        "pred_total_over_actual": float(pred.sum() / y_test.sum()),
    }
    print(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "data/dtc_signups.csv")
