"""Will a new podcast episode reach the top decile of plays in its first week?

Inputs: audio descriptors (openSMILE eGeMAPS summary), transcript embedding (MiniLM, reduced to 32 dims
upstream), cover-art CLIP embedding (reduced to 16 dims upstream) and episode metadata.
"""
import numpy as np
import pandas as pd
from catboost import CatBoostClassifier, Pool
from sklearn.dummy import DummyClassifier
from sklearn.metrics import average_precision_score, f1_score, roc_auc_score
from sklearn.model_selection import train_test_split

SEED = 8
episodes = pd.read_parquet("data/episodes_multimodal_v4.parquet")
episodes["published_at"] = pd.to_datetime(episodes["published_at"])
print(episodes.shape, "positive rate:", round(episodes["is_top_decile"].mean(), 3))

audio_cols = [c for c in episodes.columns if c.startswith("egemaps_")]
text_cols = [c for c in episodes.columns if c.startswith("transcript_pc")]
art_cols = [c for c in episodes.columns if c.startswith("cover_pc")]

episodes["duration_min"] = episodes["duration_s"] / 60
episodes["publish_hour"] = episodes["published_at"].dt.hour
episodes["publish_dow"] = episodes["published_at"].dt.dayofweek
episodes["title_len"] = episodes["title"].str.len()
episodes["host_hit_rate"] = episodes.groupby("host_id")["is_top_decile"].transform("mean")
episodes["host_n_episodes"] = episodes.groupby("host_id")["episode_id"].transform("count")

cat_cols = ["category", "language", "explicit", "host_id"]
num_cols = ["duration_min", "publish_hour", "publish_dow", "title_len", "host_hit_rate", "host_n_episodes"]
features = cat_cols + num_cols + audio_cols + text_cols + art_cols

X = episodes[features].copy()
X[cat_cols] = X[cat_cols].astype(str)
y = episodes["is_top_decile"].astype(int)

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=SEED)
X_tr, X_val, y_tr, y_val = train_test_split(X_train, y_train, test_size=0.15, stratify=y_train, random_state=SEED)

model = CatBoostClassifier(
    iterations=3000,
    learning_rate=0.04,
    depth=6,
    l2_leaf_reg=5,
    eval_metric="PRAUC",
    auto_class_weights="Balanced",
    random_seed=SEED,
    od_type="Iter",
    od_wait=150,
    verbose=200,
)
model.fit(Pool(X_tr, y_tr, cat_features=cat_cols), eval_set=Pool(X_val, y_val, cat_features=cat_cols),
          use_best_model=True)

val_proba = model.predict_proba(Pool(X_val, cat_features=cat_cols))[:, 1]
grid = np.linspace(0.1, 0.9, 81)
threshold = grid[np.argmax([f1_score(y_val, val_proba >= t) for t in grid])]

proba = model.predict_proba(Pool(X_test, cat_features=cat_cols))[:, 1]
dummy = DummyClassifier(strategy="prior").fit(X_tr[num_cols], y_tr)
dummy_proba = dummy.predict_proba(X_test[num_cols])[:, 1]
print(f"prior baseline: ROC AUC {roc_auc_score(y_test, dummy_proba):.3f} PR AUC {average_precision_score(y_test, dummy_proba):.3f}")
print(f"CatBoost:       ROC AUC {roc_auc_score(y_test, proba):.3f} PR AUC {average_precision_score(y_test, proba):.3f} "
      f"F1@{threshold:.2f} {f1_score(y_test, proba >= threshold):.3f}")

importance = model.get_feature_importance(prettified=True)
print(importance.head(15))
model.save_model("artifacts/popularity_catboost.cbm")
