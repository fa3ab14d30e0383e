# Playground series -- XGBoost 5-fold baseline with a private holdout
#
#   input/train.csv : id, features..., target (0/1)
#   input/test.csv  : id, features...          (no labels; predictions go to submission.csv)
#
# A stratified 15% of train.csv is kept aside as a holdout that is scored once at the
# end; the folds only ever see the remaining 85%.
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss, roc_auc_score
from sklearn.model_selection import StratifiedKFold, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OrdinalEncoder, StandardScaler

SEED = 42
N_FOLDS = 5
XGB_PARAMS = dict(n_estimators=4000, learning_rate=0.02, max_depth=5, min_child_weight=3,
                  subsample=0.8, colsample_bytree=0.6, reg_lambda=2.0, eval_metric="auc",
                  early_stopping_rounds=150, tree_method="hist", random_state=SEED)

train = pd.read_csv("input/train.csv")
X_test = pd.read_csv("input/test.csv")
target = train.pop("target")
cat_cols = [c for c in train.columns if train[c].dtype == "object"]
num_cols = [c for c in train.columns if c not in cat_cols + ["id"]]

X_dev, X_hold, y_dev, y_hold = train_test_split(train, target, test_size=0.15, stratify=target, random_state=SEED)

enc = OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1)
enc.fit(X_dev[cat_cols])
for frame in (X_dev, X_hold, X_test):
    frame[cat_cols] = enc.transform(frame[cat_cols])
features = cat_cols + num_cols

skf = StratifiedKFold(n_splits=N_FOLDS, shuffle=True, random_state=SEED)
oof = np.zeros(len(X_dev))
hold_pred = np.zeros(len(X_hold))
test_pred = np.zeros(len(X_test))
for fold, (i_tr, i_va) in enumerate(skf.split(X_dev, y_dev)):
    X_tr, X_va = X_dev.iloc[i_tr][features], X_dev.iloc[i_va][features]
    y_tr, y_va = y_dev.iloc[i_tr], y_dev.iloc[i_va]
    model = xgb.XGBClassifier(**XGB_PARAMS)
    model.fit(X_tr, y_tr, eval_set=[(X_tr, y_tr), (X_va, y_va)], verbose=500)  # last set drives early stopping
    oof[i_va] = model.predict_proba(X_va)[:, 1]
    hold_pred += model.predict_proba(X_hold[features])[:, 1] / N_FOLDS
    test_pred += model.predict_proba(X_test[features])[:, 1] / N_FOLDS
    print(f"fold {fold}: best_iter {model.best_iteration}  AUC {roc_auc_score(y_va, oof[i_va]):.5f}")

print(f"OOF AUC {roc_auc_score(y_dev, oof):.5f}  logloss {log_loss(y_dev, oof):.5f}")

baseline = make_pipeline(StandardScaler(), LogisticRegression(max_iter=5000)).fit(X_dev[features], y_dev)
p_base = baseline.predict_proba(X_hold[features])[:, 1]
print(f"HOLDOUT logreg AUC {roc_auc_score(y_hold, p_base):.5f}  logloss {log_loss(y_hold, p_base):.5f}")
print(f"HOLDOUT xgb    AUC {roc_auc_score(y_hold, hold_pred):.5f}  logloss {log_loss(y_hold, hold_pred):.5f}")

pd.DataFrame({"id": X_test["id"], "target": test_pred}).to_csv("submission.csv", index=False)
