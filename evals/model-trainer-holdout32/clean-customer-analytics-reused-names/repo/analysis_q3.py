# analysis_q3.py
# Q3 customer analytics -- one script, three unrelated jobs (sorry):
#   1. segment profiles for the marketing deck (unsupervised, ALL customers, no target)
#   2. upsell propensity model (supervised, proper split)
#   3. export
# Names like X / model / scaler get reused between sections; each section starts from `customers`.

import json
import os

import numpy as np
import pandas as pd
from sklearn.cluster import KMeans
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score, silhouette_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

SEED = 31337
np.random.seed(SEED)
os.makedirs("out", exist_ok=True)

customers = pd.read_parquet("data/customers_q3.parquet")
print(customers.shape)

# =====================================================================================
# 1. SEGMENTS (descriptive; clusters are NOT used by the propensity model below)
# =====================================================================================
SEG_COLS = ["recency_days", "frequency_12m", "monetary_12m", "avg_basket", "n_categories"]
X = customers[SEG_COLS].clip(lower=0)
X = np.log1p(X)
scaler = StandardScaler()
X = scaler.fit_transform(X)

sil = {}
for k in range(3, 9):
    km = KMeans(n_clusters=k, n_init=10, random_state=SEED).fit(X)
    sil[k] = silhouette_score(X, km.labels_, sample_size=10000, random_state=SEED)
best_k = max(sil, key=sil.get)
model = KMeans(n_clusters=best_k, n_init=10, random_state=SEED).fit(X)

profiles = (customers[SEG_COLS].assign(segment=model.labels_)
            .groupby("segment").agg(["median", "mean"]).round(1))
profiles["share"] = pd.Series(model.labels_).value_counts(normalize=True).sort_index().values
profiles.to_csv("out/segment_profiles_q3.csv")
print("k =", best_k, "silhouette", round(sil[best_k], 3))

# =====================================================================================
# 2. UPSELL PROPENSITY (target: bought premium within 60 days of the Q3 snapshot)
# =====================================================================================
FEATS = ["recency_days", "frequency_12m", "monetary_12m", "avg_basket", "n_categories",
         "tenure_months", "email_open_rate", "app_user", "n_returns_12m"]
X = customers[FEATS].fillna(0)
y = customers["upsell_60d"].astype(int)

X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, stratify=y, random_state=SEED)
X_tr, X_va, y_tr, y_va = train_test_split(X_tr, y_tr, test_size=0.2, stratify=y_tr, random_state=SEED)

cands = {
    "dummy": DummyClassifier(strategy="prior"),
    "logreg": make_pipeline(StandardScaler(), LogisticRegression(C=0.5, max_iter=3000)),
    "gbm": GradientBoostingClassifier(n_estimators=400, learning_rate=0.05, max_depth=3, subsample=0.8,
                                      random_state=SEED),
}
rows = []
for name, model in cands.items():
    model.fit(X_tr, y_tr)
    p_tr = model.predict_proba(X_tr)[:, 1]
    p_va = model.predict_proba(X_va)[:, 1]
    rows.append({"model": name,
                 "train_auc": roc_auc_score(y_tr, p_tr),      # only to eyeball over-fitting
                 "val_auc": roc_auc_score(y_va, p_va),
                 "val_ap": average_precision_score(y_va, p_va)})
board = pd.DataFrame(rows).set_index("model")
print(board.round(4))

best = board.drop(index="dummy")["val_ap"].idxmax()
model = cands[best]
model.fit(pd.concat([X_tr, X_va]), pd.concat([y_tr, y_va]))
p_te = model.predict_proba(X_te)[:, 1]
test_scores = {"model": best, "test_auc": roc_auc_score(y_te, p_te), "test_ap": average_precision_score(y_te, p_te),
               "test_prevalence": float(y_te.mean())}
print(test_scores)

# =====================================================================================
# 3. EXPORT
# =====================================================================================
with open("out/upsell_q3_metrics.json", "w") as f:
    json.dump({"validation": board.to_dict(orient="index"), "test": test_scores}, f, indent=2)
# score everyone for the campaign list (model refit on train+val above)
customers.assign(upsell_score=model.predict_proba(customers[FEATS].fillna(0))[:, 1])[["customer_id", "upsell_score"]] \
    .to_parquet("out/upsell_scores_q3.parquet")
