"""Two-model (T-learner) uplift scoring for the free-shipping push notification.

Source data: randomised A/B campaign (treatment = got the push). The score is
the predicted lift in 14-day purchase probability.
"""
import argparse
import json

import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split

SEED = 77
NUM = ["recency_days", "orders_6m", "revenue_6m", "avg_discount_used", "app_sessions_14d",
       "cart_abandons_30d", "push_opt_in_days", "tenure_days"]
CAT_LEVELS = {
    "platform": ["ios", "android", "web"],
    "loyalty_level": ["none", "bronze", "silver", "gold"],
    "top_category": ["fashion", "home", "electronics", "beauty", "sports", "grocery", "toys", "other"],
}
CAT = list(CAT_LEVELS)


def engineer(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    for col in ["revenue_6m", "recency_days", "tenure_days", "cart_abandons_30d"]:
        out[f"log_{col}"] = np.log1p(out[col].clip(lower=0))
    out["revenue_per_order"] = out["revenue_6m"] / out["orders_6m"].clip(lower=1)
    out["abandon_ratio"] = out["cart_abandons_30d"] / (out["app_sessions_14d"] + 1)
    for col, levels in CAT_LEVELS.items():
        out[col] = pd.Categorical(out[col], categories=levels)
    return out


def uplift_curve(score, y, t, bins=10):
    order = np.argsort(-score)
    y, t = y[order], t[order]
    out = []
    for q in np.linspace(0.1, 1.0, bins):
        n = int(len(y) * q)
        yt, tt = y[:n], t[:n]
        out.append((yt[tt == 1].mean() - yt[tt == 0].mean()) * n)
    return np.array(out)


def uplift_at(score, y, t, frac):
    top = np.argsort(-score)[: int(len(score) * frac)]
    return float(y[top][t[top] == 1].mean() - y[top][t[top] == 0].mean())


def main(args):
    raw = pd.read_parquet(args.data)
    df = engineer(raw)
    features = NUM + CAT + [c for c in df.columns if c.startswith("log_")] + ["revenue_per_order", "abandon_ratio"]

    strata = df["treatment"].astype(str) + df["purchased_14d"].astype(str)
    train, test = train_test_split(df, test_size=0.3, stratify=strata, random_state=SEED)
    print(train.groupby("treatment")["purchased_14d"].mean())

    params = dict(n_estimators=400, learning_rate=0.03, num_leaves=15, min_child_samples=200,
                  subsample=0.8, subsample_freq=1, colsample_bytree=0.8, random_state=SEED, verbose=-1)
    treated, control = train[train["treatment"] == 1], train[train["treatment"] == 0]
    m_t = lgb.LGBMClassifier(**params).fit(treated[features], treated["purchased_14d"])
    m_c = lgb.LGBMClassifier(**params).fit(control[features], control["purchased_14d"])
    response_only = lgb.LGBMClassifier(**params).fit(treated[features], treated["purchased_14d"])

    y, t = test["purchased_14d"].to_numpy(), test["treatment"].to_numpy()
    rng = np.random.default_rng(SEED)
    scores = {
        "t_learner": m_t.predict_proba(test[features])[:, 1] - m_c.predict_proba(test[features])[:, 1],
        "response_model": response_only.predict_proba(test[features])[:, 1],
        "random": rng.random(len(test)),
    }
    report = {}
    for name, s in scores.items():
        curve = uplift_curve(s, y, t)
        report[name] = {
            "auuc": float(np.trapz(curve, dx=0.1)),
            "uplift@10%": uplift_at(s, y, t, 0.1),
            "uplift@30%": uplift_at(s, y, t, 0.3),
        }
    print(json.dumps(report, indent=2))
    m_t.booster_.save_model(f"{args.out_prefix}_treated.txt")
    m_c.booster_.save_model(f"{args.out_prefix}_control.txt")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/push_free_shipping_ab.parquet")
    ap.add_argument("--out-prefix", default="models/push_uplift")
    main(ap.parse_args())
