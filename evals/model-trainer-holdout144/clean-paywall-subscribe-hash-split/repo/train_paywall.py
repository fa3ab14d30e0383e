"""Paywall propensity: P(subscribe within 7 days | reader hits the meter), user-level.

Users are assigned to train/test the same way the experimentation platform buckets them
(md5 of the user id), so a reader is always on one side and the split is stable across reruns.
"""
import hashlib
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from sklearn.decomposition import PCA
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import GroupKFold
from sklearn.preprocessing import StandardScaler

SEED = 77
OUT = Path("reports")
OUT.mkdir(exist_ok=True)

FEATURES = [
    "sessions_per_day_avg_28d",
    "articles_read_28d",
    "meter_hits_28d",
    "newsletter_clicks_28d",
    "avg_scroll_depth",
    "pct_sessions_direct",
    "pct_sessions_social",
    "pct_sessions_app",
    "distinct_sections_28d",
    "days_active_28d",
    "paywall_variant_price_test",
]


def bucket(user_id: str, n_buckets: int = 100) -> int:
    return int(hashlib.md5(user_id.encode()).hexdigest(), 16) % n_buckets


users = pd.read_parquet("data/meter_hit_users.parquet")
users["bucket"] = users["user_id"].map(bucket)
print(users.shape, users["subscribed_7d"].mean())

# --- EDA: where do subscribers sit in feature space? ---
Z = StandardScaler().fit_transform(users[FEATURES].fillna(0))
xy = PCA(n_components=2, random_state=SEED).fit_transform(Z)
fig, ax = plt.subplots(figsize=(6, 5))
ax.scatter(xy[:, 0], xy[:, 1], c=users["subscribed_7d"], s=2, alpha=0.3, cmap="coolwarm")
ax.set_title("Meter-hit readers, PCA of engagement features")
fig.savefig(OUT / "pca_subscribers.png", dpi=120)

# --- model ---
train = users[users["bucket"] >= 20].reset_index(drop=True)
test = users[users["bucket"] < 20].reset_index(drop=True)

params = dict(learning_rate=0.05, max_iter=400, max_leaf_nodes=31, l2_regularization=1.0,
              early_stopping=False, random_state=SEED)

fold_ap = []
for tr_idx, va_idx in GroupKFold(n_splits=5).split(train, groups=train["user_id"]):
    m = HistGradientBoostingClassifier(**params)
    m.fit(train.loc[tr_idx, FEATURES], train.loc[tr_idx, "subscribed_7d"])
    p = m.predict_proba(train.loc[va_idx, FEATURES])[:, 1]
    fold_ap.append(average_precision_score(train.loc[va_idx, "subscribed_7d"], p))
print(f"CV AP {np.mean(fold_ap):.4f} +/- {np.std(fold_ap):.4f}")

model = HistGradientBoostingClassifier(**params).fit(train[FEATURES], train["subscribed_7d"])
p_test = model.predict_proba(test[FEATURES])[:, 1]
print(f"test ROC AUC {roc_auc_score(test['subscribed_7d'], p_test):.4f}  "
      f"AP {average_precision_score(test['subscribed_7d'], p_test):.4f}  "
      f"(base rate {test['subscribed_7d'].mean():.4f})")

by_variant = (
    test.assign(score=p_test)
    .groupby("paywall_variant_price_test")
    .apply(lambda g: pd.Series({"n": len(g), "auc": roc_auc_score(g["subscribed_7d"], g["score"])}))
)
print(by_variant)
