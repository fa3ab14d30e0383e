"""Order-return propensity: randomized search with customer-grouped CV.

Customers place many orders, so every split keeps all orders of a customer on one side.
"""
import numpy as np
import pandas as pd
from scipy.stats import loguniform, randint
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score
from sklearn.model_selection import RandomizedSearchCV, StratifiedGroupKFold
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

SEED = 19
CATEGORICAL = ["channel", "payment_type", "top_category", "shipping_speed"]
NUMERIC = ["log_basket_value", "n_items", "n_distinct_sizes", "discount_share",
           "days_since_prev_order", "customer_tenure_days", "order_hour"]

orders = pd.read_parquet("data/orders_with_labels.parquet")
orders["log_basket_value"] = np.log1p(orders["basket_value"])
orders["discount_share"] = orders["discount_value"] / orders["basket_value"].clip(lower=0.01)
orders["order_hour"] = orders["ordered_at"].dt.hour
X = orders[CATEGORICAL + NUMERIC]
y = orders["returned"].astype(int).to_numpy()
groups = orders["customer_id"].to_numpy()

outer = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=SEED)
train_idx, test_idx = next(outer.split(X, y, groups))
X_train, X_test = X.iloc[train_idx], X.iloc[test_idx]
y_train, y_test = y[train_idx], y[test_idx]
g_train = groups[train_idx]
assert not set(g_train) & set(groups[test_idx])
print(f"train {len(train_idx)} orders / test {len(test_idx)} orders, return rate {y.mean():.3f}")

preprocess = ColumnTransformer([
    ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), NUMERIC),
    ("cat", OneHotEncoder(handle_unknown="ignore", min_frequency=100, sparse_output=False), CATEGORICAL),
])
model = Pipeline([
    ("prep", preprocess),
    ("clf", HistGradientBoostingClassifier(max_iter=400, early_stopping=False, random_state=SEED)),
])
distributions = {
    "clf__learning_rate": loguniform(0.02, 0.3),
    "clf__max_leaf_nodes": randint(15, 128),
    "clf__min_samples_leaf": randint(20, 300),
    "clf__l2_regularization": loguniform(1e-4, 10),
}
inner = StratifiedGroupKFold(n_splits=4, shuffle=True, random_state=SEED)
search = RandomizedSearchCV(
    model, distributions, n_iter=40, scoring="average_precision",
    cv=inner, random_state=SEED, n_jobs=-1, refit=True,
)
search.fit(X_train, y_train, groups=g_train)
print("best:", search.best_params_, f"CV AP {search.best_score_:.4f}")

baselines = {
    "logreg": Pipeline([("prep", preprocess), ("clf", LogisticRegression(max_iter=3000))]),
    "prior": DummyClassifier(strategy="prior"),
}
scored = {"hgb_search": search.best_estimator_}
scored.update({name: est.fit(X_train, y_train) for name, est in baselines.items()})

rows = []
for name, est in scored.items():
    p = est.predict_proba(X_test)[:, 1]
    rows.append({"model": name, "roc_auc": roc_auc_score(y_test, p),
                 "average_precision": average_precision_score(y_test, p),
                 "log_loss": log_loss(y_test, p)})
print(pd.DataFrame(rows).set_index("model").round(4))
