"""Escalation-risk model for incoming tickets (LightGBM on TF-IDF + customer history).

Train on tickets created before CUTOFF, report on tickets after it; hyper-parameters are
picked with forward-chaining CV inside the training period.
"""
import joblib
import numpy as np
import pandas as pd
from lightgbm import LGBMClassifier
from sklearn.compose import ColumnTransformer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import GridSearchCV, TimeSeriesSplit
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder

SEED = 8
CUTOFF = pd.Timestamp("2023-10-01")

tickets = pd.read_parquet("data/tickets_with_outcome.parquet")
tickets = tickets.sort_values("created_at").reset_index(drop=True)
tickets["text"] = tickets["subject"].fillna("") + " " + tickets["first_message"].fillna("")

# history features use only earlier tickets of the same customer
g = tickets.groupby("customer_id")
tickets["cust_prev_tickets"] = g.cumcount()
tickets["days_since_prev"] = g["created_at"].diff().dt.days.fillna(999).clip(upper=999)
tickets["tickets_last_30d"] = (
    tickets.set_index("created_at").groupby("customer_id")["cust_prev_tickets"]
    .transform(lambda s: s.rolling("30D").count() - 1).to_numpy()
)
tickets["msg_len"] = np.log1p(tickets["first_message"].fillna("").str.len())

train = tickets[tickets["created_at"] < CUTOFF]
test = tickets[tickets["created_at"] >= CUTOFF]
print(f"train {train['created_at'].min():%Y-%m-%d}..{train['created_at'].max():%Y-%m-%d} n={len(train)}")
print(f"test  {test['created_at'].min():%Y-%m-%d}..{test['created_at'].max():%Y-%m-%d} n={len(test)}")

num_cols = ["cust_prev_tickets", "days_since_prev", "tickets_last_30d", "msg_len"]
cat_cols = ["channel", "plan_tier", "product_area"]
features = ColumnTransformer([
    ("text", TfidfVectorizer(min_df=10, max_features=20000, ngram_range=(1, 2), dtype=np.float32), "text"),
    ("cat", OneHotEncoder(handle_unknown="ignore"), cat_cols),
    ("num", "passthrough", num_cols),
])
pipe = Pipeline([
    ("features", features),
    ("lgbm", LGBMClassifier(n_estimators=400, learning_rate=0.05, subsample=0.8, subsample_freq=1,
                            colsample_bytree=0.5, random_state=SEED, verbose=-1)),
])

search = GridSearchCV(
    pipe,
    {"lgbm__num_leaves": [15, 31, 63], "lgbm__min_child_samples": [20, 100]},
    cv=TimeSeriesSplit(n_splits=4),
    scoring="average_precision",
    n_jobs=4,
)
search.fit(train[["text"] + cat_cols + num_cols], train["escalated"])
print("best:", search.best_params_, round(search.best_score_, 4))

proba = search.predict_proba(test[["text"] + cat_cols + num_cols])[:, 1]
print(f"test ROC-AUC {roc_auc_score(test['escalated'], proba):.4f}  "
      f"PR-AUC {average_precision_score(test['escalated'], proba):.4f}  "
      f"(base rate {test['escalated'].mean():.3f})")

joblib.dump(search.best_estimator_, "models/escalation_lgbm.joblib")
