"""Order-cancellation risk model trained on point-in-time feature-store joins."""
import mlflow
import mlflow.sklearn
import numpy as np
import pandas as pd
import yaml
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.impute import SimpleImputer
from sklearn.metrics import average_precision_score, f1_score, precision_recall_curve, roc_auc_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import TargetEncoder

from featurestore.pit import point_in_time_join

cfg = yaml.safe_load(open("conf/cancellation.yaml"))
SEED = cfg["seed"]
np.random.seed(SEED)

orders = pd.read_parquet(cfg["orders"], columns=[
    "order_id", "seller_id", "buyer_id", "created_at", "basket_value", "n_items",
    "promised_days", "product_category", "buyer_city", "payment_method", cfg["target"],
])
orders["created_at"] = pd.to_datetime(orders["created_at"])
for path, key, prefix in ((cfg["seller_features"], "seller_id", "seller_"), (cfg["buyer_features"], "buyer_id", "buyer_")):
    feats = pd.read_parquet(path)
    feats["feature_ts"] = pd.to_datetime(feats["feature_ts"])
    orders = point_in_time_join(orders, feats, key=key, max_age_days=cfg["feature_max_age_days"], prefix=prefix)

NUM = ["basket_value", "n_items", "promised_days", "seller_cancel_rate_90d", "seller_orders_90d",
       "seller_late_ship_rate_30d", "buyer_cancel_rate_180d", "buyer_orders_180d"]
HIGH_CARD = ["product_category", "buyer_city", "seller_id"]
LOW_CARD = ["payment_method"]

train = orders[orders["created_at"] < cfg["valid_start"]]
valid = orders[(orders["created_at"] >= cfg["valid_start"]) & (orders["created_at"] < cfg["test_start"])]
test = orders[orders["created_at"] >= cfg["test_start"]]
cols = NUM + HIGH_CARD + LOW_CARD


def make_model(clf) -> Pipeline:
    pre = ColumnTransformer([
        ("num", SimpleImputer(strategy="median", add_indicator=True), NUM),
        ("te", TargetEncoder(target_type="binary", cv=5, shuffle=True, random_state=SEED), HIGH_CARD),
        ("te_low", TargetEncoder(target_type="binary", random_state=SEED), LOW_CARD),
    ])
    return Pipeline([("pre", pre), ("clf", clf)])


model = make_model(HistGradientBoostingClassifier(**cfg["hgb"], random_state=SEED))
model.fit(train[cols], train[cfg["target"]])
prior = DummyClassifier(strategy="prior").fit(train[cols], train[cfg["target"]])

val_p = model.predict_proba(valid[cols])[:, 1]
prec, rec, thr = precision_recall_curve(valid[cfg["target"]], val_p)
f1 = 2 * prec[:-1] * rec[:-1] / np.clip(prec[:-1] + rec[:-1], 1e-12, None)
threshold = float(thr[np.argmax(f1)])

test_p = model.predict_proba(test[cols])[:, 1]
y_test = test[cfg["target"]]
metrics = {
    "valid_pr_auc": average_precision_score(valid[cfg["target"]], val_p),
    "test_pr_auc": average_precision_score(y_test, test_p),
    "test_roc_auc": roc_auc_score(y_test, test_p),
    "test_f1_at_valid_threshold": f1_score(y_test, test_p >= threshold),
    "prior_test_pr_auc": average_precision_score(y_test, prior.predict_proba(test[cols])[:, 1]),
}
print({k: round(v, 4) for k, v in metrics.items()})

mlflow.set_experiment("order-cancellation")
with mlflow.start_run(run_name=f"oot-{cfg['test_start']}"):
    mlflow.log_params({**cfg["hgb"], "threshold": threshold, "valid_start": cfg["valid_start"]})
    mlflow.log_metrics(metrics)
    mlflow.sklearn.log_model(model, artifact_path="model")
