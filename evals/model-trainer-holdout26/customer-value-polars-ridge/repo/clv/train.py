import argparse
import json
import logging

import numpy as np
import polars as pl
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyRegressor
from sklearn.linear_model import RidgeCV
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from clv.features import build_table

NUM = ["n_orders", "monetary", "avg_line", "recency_days", "tenure_days", "n_categories"]
CAT = ["main_channel", "region"]
TARGET = "revenue_next_90d"

logger = logging.getLogger("clv")


def make_preprocessor():
    return ColumnTransformer([
        ("num", StandardScaler(), NUM),
        ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=20), CAT),
    ])


def main():
    logging.basicConfig(level=logging.INFO)
    parser = argparse.ArgumentParser()
    parser.add_argument("--orders", default="data/order_lines.parquet")
    parser.add_argument("--cutoff", default="2023-10-01")
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args()

    orders = pl.read_parquet(args.orders).with_columns(pl.col("order_date").cast(pl.Date))
    table = build_table(orders, args.cutoff).to_pandas()
    table[NUM] = np.log1p(table[NUM].clip(lower=0))

    train_pdf, test_pdf = train_test_split(table, test_size=0.25, random_state=args.seed)
    y_train = np.log1p(train_pdf[TARGET].to_numpy())
    y_test = test_pdf[TARGET].to_numpy()

    preprocessor = make_preprocessor()
    X_train = preprocessor.fit_transform(train_pdf[NUM + CAT])
    X_test = preprocessor.fit_transform(test_pdf[NUM + CAT])

    ridge = RidgeCV(alphas=np.logspace(-3, 3, 13)).fit(X_train, y_train)
    dummy = DummyRegressor(strategy="median").fit(X_train, y_train)

    report = {}
    for name, model in [("median_baseline", dummy), ("ridge", ridge)]:
        pred = np.expm1(model.predict(X_test)).clip(min=0)
        report[name] = {"mae": mean_absolute_error(y_test, pred), "r2": r2_score(y_test, pred)}
    logger.info(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
