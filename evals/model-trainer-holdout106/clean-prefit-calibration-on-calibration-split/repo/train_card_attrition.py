"""Credit-card attrition propensity with calibrated probabilities for save-desk targeting."""
import joblib
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.calibration import CalibratedClassifierCV
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, log_loss, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from targeting import best_margin_cutoff, reliability_table

SEED = 404
cards = pd.read_parquet("data/cardholders_2023-12-31.parquet")
TARGET = "closed_card_6m"
FEATURES = [c for c in cards.columns if c not in (TARGET, "card_id", "customer_id", "annual_margin")]
cards[["product", "channel", "income_band"]] = cards[["product", "channel", "income_band"]].astype("category")

# 60% train, 20% calibration / cut-off selection, 20% untouched test
train, holdout = train_test_split(cards, test_size=0.4, stratify=cards[TARGET], random_state=SEED)
calib, test = train_test_split(holdout, test_size=0.5, stratify=holdout[TARGET], random_state=SEED)
fit_part, es_part = train_test_split(train, test_size=0.15, stratify=train[TARGET], random_state=SEED)

gbm = lgb.LGBMClassifier(n_estimators=4000, learning_rate=0.02, num_leaves=31, min_child_samples=100,
                         subsample=0.8, subsample_freq=1, colsample_bytree=0.8, random_state=SEED, verbose=-1)
gbm.fit(fit_part[FEATURES], fit_part[TARGET], eval_set=[(es_part[FEATURES], es_part[TARGET])],
        callbacks=[lgb.early_stopping(200, verbose=False)])

calibrated = CalibratedClassifierCV(gbm, method="isotonic", cv="prefit")
calibrated.fit(calib[FEATURES], calib[TARGET])

p_calib = calibrated.predict_proba(calib[FEATURES])[:, 1]
cutoff = best_margin_cutoff(p_calib, calib["annual_margin"].to_numpy(), calib[TARGET].to_numpy())

num = [f for f in FEATURES if str(cards[f].dtype) != "category"]
logit = make_pipeline(StandardScaler(), LogisticRegression(max_iter=3000))
logit.fit(train[num].fillna(train[num].median()), train[TARGET])

y_test = test[TARGET].to_numpy()
p_raw = gbm.predict_proba(test[FEATURES])[:, 1]
p_cal = calibrated.predict_proba(test[FEATURES])[:, 1]
p_lr = logit.predict_proba(test[num].fillna(train[num].median()))[:, 1]
for name, p in [("lgbm_raw", p_raw), ("lgbm_isotonic", p_cal), ("logreg", p_lr)]:
    print(f"{name:14s} AUC {roc_auc_score(y_test, p):.4f}  AP {average_precision_score(y_test, p):.4f}  "
          f"Brier {brier_score_loss(y_test, p):.5f}  logloss {log_loss(y_test, np.clip(p, 1e-6, 1 - 1e-6)):.4f}")
print("reliability (mean p, observed rate, n):", reliability_table(y_test, p_cal))
print(f"cut-off {cutoff:.2f}: calls {(p_cal >= cutoff).sum()}, attriters reached {y_test[p_cal >= cutoff].sum()}")

joblib.dump({"model": calibrated, "cutoff": cutoff, "features": FEATURES}, "models/card_attrition.joblib")
