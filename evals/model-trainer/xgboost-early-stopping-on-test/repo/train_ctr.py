import pandas as pd
from sklearn.metrics import average_precision_score, log_loss, roc_auc_score
from sklearn.model_selection import train_test_split
from xgboost import XGBClassifier

SEED = 99

impressions = pd.read_parquet("data/impressions_sample.parquet")
features = [c for c in impressions.columns if c.startswith("f_")]
X = impressions[features]
y = impressions["clicked"]

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.2, stratify=y, random_state=SEED
)

model = XGBClassifier(
    n_estimators=3000,
    learning_rate=0.02,
    max_depth=7,
    subsample=0.8,
    colsample_bytree=0.7,
    eval_metric="auc",
    early_stopping_rounds=100,
    random_state=SEED,
)
model.fit(X_train, y_train, eval_set=[(X_test, y_test)], verbose=200)
print("best iteration", model.best_iteration)

proba = model.predict_proba(X_test)[:, 1]
print("test AUC", roc_auc_score(y_test, proba))
print("test log loss", log_loss(y_test, proba))
print("test PR AUC", average_precision_score(y_test, proba))
model.save_model("models/ctr_xgb.json")
