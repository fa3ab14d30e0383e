"""Predict, when an agent closes a ticket, whether the customer will reopen it within 7 days.

Tickets are ordered by creation time; train on the past, validate on the following weeks and test on
the most recent weeks, which mirrors how the model is used.
"""
import json

import numpy as np
import pandas as pd
from catboost import CatBoostClassifier, Pool
from sentence_transformers import SentenceTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import train_test_split

from features import CAT_COLS, past_only_customer_features

SEED = 17
np.random.seed(SEED)

df = pd.read_parquet("data/closed_tickets.parquet")
df["created_at"] = pd.to_datetime(df["created_at"], utc=True)
df = df.sort_values("created_at").reset_index(drop=True)

tab = past_only_customer_features(df)
st = SentenceTransformer("sentence-transformers/all-MiniLM-L6-v2")
emb = st.encode((df["subject"].fillna("") + " " + df["resolution_note"].fillna("")).tolist(),
                batch_size=256, normalize_embeddings=True)
emb_cols = [f"e{i}" for i in range(emb.shape[1])]
X = pd.concat([tab, pd.DataFrame(emb, columns=emb_cols)], axis=1)
y = df["reopened"].to_numpy()

X_dev, X_test, y_dev, y_test = train_test_split(X, y, test_size=0.15, shuffle=False)
X_tr, X_val, y_tr, y_val = train_test_split(X_dev, y_dev, test_size=0.15, shuffle=False)
print("train until", df.loc[X_tr.index[-1], "created_at"], "| test from", df.loc[X_test.index[0], "created_at"])

base = LogisticRegression(max_iter=3000, class_weight="balanced", random_state=SEED)
base.fit(X_tr[emb_cols], y_tr)
base_p = base.predict_proba(X_test[emb_cols])[:, 1]

model = CatBoostClassifier(
    iterations=3000,
    learning_rate=0.04,
    depth=6,
    eval_metric="PRAUC",
    auto_class_weights="Balanced",
    random_seed=SEED,
    od_type="Iter",
    od_wait=150,
    use_best_model=True,
    verbose=250,
)
model.fit(Pool(X_tr, y_tr, cat_features=CAT_COLS), eval_set=Pool(X_val, y_val, cat_features=CAT_COLS))
p = model.predict_proba(Pool(X_test, cat_features=CAT_COLS))[:, 1]

results = {
    "embeddings_logreg": {"roc_auc": roc_auc_score(y_test, base_p), "pr_auc": average_precision_score(y_test, base_p)},
    "catboost": {
        "roc_auc": roc_auc_score(y_test, p),
        "pr_auc": average_precision_score(y_test, p),
        "brier": brier_score_loss(y_test, p),
    },
    "test_positive_rate": float(y_test.mean()),
}
print(json.dumps(results, indent=2))
model.save_model("models/reopen_catboost.cbm")
