import numpy as np
import pandas as pd
from lightgbm import LGBMClassifier
from sklearn.metrics import log_loss, roc_auc_score
from sklearn.model_selection import KFold, train_test_split

SEED = 77
TARGET = "clicked"
SMOOTHING = 50


def smoothed_rate(frame, key, prior):
    stats = frame.groupby(key)[TARGET].agg(["sum", "count"])
    return (stats["sum"] + prior * SMOOTHING) / (stats["count"] + SMOOTHING)


def add_target_encoding(train_df, test_df, key):
    """Out-of-fold encoding for training rows; test rows use statistics of the whole training split."""
    prior = train_df[TARGET].mean()
    encoded = pd.Series(np.nan, index=train_df.index)
    for fit_idx, enc_idx in KFold(5, shuffle=True, random_state=SEED).split(train_df):
        rates = smoothed_rate(train_df.iloc[fit_idx], key, prior)
        encoded.iloc[enc_idx] = train_df[key].iloc[enc_idx].map(rates).fillna(prior).to_numpy()
    train_df[f"{key}_te"] = encoded
    test_df[f"{key}_te"] = test_df[key].map(smoothed_rate(train_df, key, prior)).fillna(prior)


ads = pd.read_parquet("data/ad_impressions.parquet")
train_df, test_df = train_test_split(ads, test_size=0.2, stratify=ads[TARGET], random_state=SEED)
train_df, test_df = train_df.copy(), test_df.copy()
for key in ["advertiser_id", "site_id", "device_model"]:
    add_target_encoding(train_df, test_df, key)

features = ["hour", "banner_pos", "advertiser_id_te", "site_id_te", "device_model_te", "user_history_ctr"]
model = LGBMClassifier(n_estimators=600, learning_rate=0.03, num_leaves=31, min_child_samples=200,
                       subsample=0.8, subsample_freq=1, colsample_bytree=0.8, random_state=SEED)
model.fit(train_df[features], train_df[TARGET])

proba = model.predict_proba(test_df[features])[:, 1]
prior_pred = np.full(len(test_df), train_df[TARGET].mean())
print("test log loss", log_loss(test_df[TARGET], proba), "prior baseline", log_loss(test_df[TARGET], prior_pred))
print("test ROC AUC", roc_auc_score(test_df[TARGET], proba))
