"""Marketplace order-cancellation risk (seller-side cancellations).

    python cancel_trainer.py --orders data/marketplace_orders.csv --neg-frac 0.3
"""
import argparse
from dataclasses import dataclass

import joblib
import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import average_precision_score, roc_auc_score

FEATURES = [
    "seller_rating", "seller_tenure_days", "seller_cancel_rate_90d", "seller_open_orders",
    "stock_on_hand", "stock_cover_days", "is_fbm", "promised_ship_days", "item_price",
    "qty", "is_preorder", "category_id", "order_hour", "order_dow",
]


@dataclass
class TrainConfig:
    orders: str
    test_start: str = "2024-01-15"
    neg_frac: float = 0.3
    seed: int = 17
    n_estimators: int = 400
    min_samples_leaf: int = 20


class CancelTrainer:
    def __init__(self, cfg: TrainConfig):
        self.cfg = cfg
        self.model = None

    def load(self) -> pd.DataFrame:
        df = pd.read_csv(self.cfg.orders, parse_dates=["order_ts"])
        df["order_hour"] = df["order_ts"].dt.hour
        df["order_dow"] = df["order_ts"].dt.dayofweek
        df["stock_cover_days"] = df["stock_on_hand"] / df["seller_avg_daily_units"].clip(lower=0.1)
        df["is_seller_cancelled"] = (df["cancel_reason"].isin(["out_of_stock", "seller_unresponsive", "pricing_error"])).astype(int)
        return df

    def split(self, df):
        cut = pd.Timestamp(self.cfg.test_start)
        train, test = df[df["order_ts"] < cut], df[df["order_ts"] >= cut]
        # negatives are plentiful; keep a fraction to speed up training
        pos = train[train["is_seller_cancelled"] == 1]
        neg = train[train["is_seller_cancelled"] == 0].sample(frac=self.cfg.neg_frac, random_state=self.cfg.seed)
        train = pd.concat([pos, neg]).sort_values("order_ts")
        return train, test

    def build_model(self):
        return RandomForestClassifier(
            n_estimators=self.cfg.n_estimators,
            min_samples_leaf=self.cfg.min_samples_leaf,
            max_features="sqrt",
            class_weight="balanced_subsample",
            n_jobs=-1,
        )

    def run(self):
        df = self.load()
        train, test = self.split(df)
        self.model = self.build_model()
        self.model.fit(train[FEATURES], train["is_seller_cancelled"])
        p = self.model.predict_proba(test[FEATURES])[:, 1]
        y = test["is_seller_cancelled"].values
        top = np.argsort(-p)[: int(0.02 * len(p))]
        print(f"test orders {len(test):,} | cancel rate {y.mean():.4f}")
        print(f"ROC AUC {roc_auc_score(y, p):.4f} | PR AUC {average_precision_score(y, p):.4f}")
        print(f"precision@top2% {y[top].mean():.3f}")
        return self.model


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--orders", required=True)
    ap.add_argument("--test-start", default="2024-01-15")
    ap.add_argument("--neg-frac", type=float, default=0.3)
    ap.add_argument("--seed", type=int, default=17)
    a = ap.parse_args()
    trainer = CancelTrainer(TrainConfig(orders=a.orders, test_start=a.test_start, neg_frac=a.neg_frac, seed=a.seed))
    model = trainer.run()
    joblib.dump(model, "models/seller_cancel_rf.joblib")
