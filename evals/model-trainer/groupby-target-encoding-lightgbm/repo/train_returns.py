import lightgbm as lgb
import pandas as pd
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.model_selection import train_test_split

TARGET = "returned"
SEED = 2024

orders = pd.read_csv("data/orders.csv", parse_dates=["order_ts"])
orders["hour"] = orders["order_ts"].dt.hour
orders["weekday"] = orders["order_ts"].dt.weekday
orders["discount_pct"] = orders["discount"] / orders["list_price"].clip(lower=1)

# return-rate features: strong signal according to the merchandising team
orders["merchant_return_rate"] = orders.groupby("merchant_id")[TARGET].transform("mean")
orders["category_return_rate"] = orders.groupby("category")[TARGET].transform("mean")

FEATURES = [
    "hour", "weekday", "discount_pct", "list_price", "quantity",
    "customer_tenure_days", "merchant_return_rate", "category_return_rate",
]

train_df, test_df = train_test_split(orders, test_size=0.2, stratify=orders[TARGET], random_state=SEED)
fit_df, valid_df = train_test_split(train_df, test_size=0.15, stratify=train_df[TARGET], random_state=SEED)

params = {
    "objective": "binary",
    "learning_rate": 0.03,
    "num_leaves": 63,
    "min_data_in_leaf": 100,
    "feature_fraction": 0.8,
    "bagging_fraction": 0.8,
    "bagging_freq": 1,
    "seed": SEED,
    "verbose": -1,
}
train_set = lgb.Dataset(fit_df[FEATURES], fit_df[TARGET])
valid_set = lgb.Dataset(valid_df[FEATURES], valid_df[TARGET], reference=train_set)
booster = lgb.train(
    params,
    train_set,
    num_boost_round=5000,
    valid_sets=[valid_set],
    callbacks=[lgb.early_stopping(100), lgb.log_evaluation(200)],
)

proba = booster.predict(test_df[FEATURES], num_iteration=booster.best_iteration)
print("test ROC AUC", roc_auc_score(test_df[TARGET], proba))
print("test PR AUC", average_precision_score(test_df[TARGET], proba))
booster.save_model("models/returns_lgbm.txt")
