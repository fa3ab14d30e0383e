"""S-learner (XGBoost) for incremental 30-day revenue of the free-shipping promo.

Customers were randomised 1:1 into free shipping vs. standard shipping at campaign start
(2024-05-06). Outcome: revenue in the 30 days after assignment.
"""
import argparse

import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split
from xgboost import XGBRegressor

SEED = 11

PRE_FEATURES = [
    "tenure_days", "orders_365d", "revenue_365d", "days_since_last_order",
    "avg_discount_365d", "returns_365d", "app_sessions_90d", "is_member",
]


def build_features(customers: pd.DataFrame, tx: pd.DataFrame, start: str) -> pd.DataFrame:
    start = pd.Timestamp(start)
    window = tx[(tx["ts"] >= start) & (tx["ts"] < start + pd.Timedelta(days=30))]
    agg = window.groupby("customer_id").agg(revenue_30d=("amount", "sum"), orders_30d=("order_id", "nunique"))
    out = customers.merge(agg, on="customer_id", how="left")
    out[["revenue_30d", "orders_30d"]] = out[["revenue_30d", "orders_30d"]].fillna(0)
    out["avg_basket_30d"] = np.where(out["orders_30d"] > 0, out["revenue_30d"] / out["orders_30d"], 0.0)
    out["log_revenue_365d"] = np.log1p(out["revenue_365d"])
    return out


def predict_uplift(model, X: pd.DataFrame) -> np.ndarray:
    x1, x0 = X.copy(), X.copy()
    x1["treated"], x0["treated"] = 1, 0
    return model.predict(x1) - model.predict(x0)


def decile_table(y, t, uplift):
    frame = pd.DataFrame({"y": y, "t": t, "u": uplift})
    frame["decile"] = pd.qcut(frame["u"].rank(method="first"), 10, labels=False)
    rows = []
    for d, g in frame.groupby("decile"):
        rows.append({
            "decile": 10 - d,
            "pred_uplift": g["u"].mean(),
            "obs_uplift": g.loc[g.t == 1, "y"].mean() - g.loc[g.t == 0, "y"].mean(),
            "n": len(g),
        })
    return pd.DataFrame(rows).sort_values("decile")


def main(args):
    customers = pd.read_parquet(args.customers)
    tx = pd.read_parquet(args.transactions)
    data = build_features(customers, tx, args.start)

    features = PRE_FEATURES + ["log_revenue_365d", "avg_basket_30d", "treated"]
    train, test = train_test_split(data, test_size=0.25, stratify=data["treated"], random_state=SEED)

    model = XGBRegressor(
        n_estimators=600, max_depth=5, learning_rate=0.03, subsample=0.8,
        colsample_bytree=0.8, min_child_weight=20, random_state=SEED,
    )
    model.fit(train[features], train["revenue_30d"])

    X_test = test[features].drop(columns="treated")
    uplift = predict_uplift(model, X_test)
    table = decile_table(test["revenue_30d"].values, test["treated"].values, uplift)
    print(table.to_string(index=False))

    k = int(0.3 * len(test))
    top = np.argsort(-uplift)[:k]
    rand = np.random.default_rng(SEED).choice(len(test), size=k, replace=False)
    for name, idx in [("model top 30%", top), ("random 30%", rand)]:
        sub = test.iloc[idx]
        inc = sub.loc[sub.treated == 1, "revenue_30d"].mean() - sub.loc[sub.treated == 0, "revenue_30d"].mean()
        print(f"{name:>14}: incremental revenue per customer {inc:.2f}")

    rank_corr = table[["pred_uplift", "obs_uplift"]].corr(method="spearman").iloc[0, 1]
    print(f"spearman(pred, observed) over deciles: {rank_corr:.3f}")


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--customers", default="data/freeship_customers.parquet")
    p.add_argument("--transactions", default="data/transactions_2024.parquet")
    p.add_argument("--start", default="2024-05-06")
    main(p.parse_args())
