"""XGBoost Cox model for time to liver-related events in MASLD patients.

xgboost's survival:cox objective encodes right-censoring in the sign of the label:
positive = observed event time, negative = censoring time.
"""
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.model_selection import train_test_split
from sksurv.linear_model import CoxPHSurvivalAnalysis
from sksurv.metrics import concordance_index_censored, concordance_index_ipcw, cumulative_dynamic_auc
from sksurv.util import Surv

SEED = 5
np.random.seed(SEED)

FEATURES = ["age", "bmi", "ast", "alt", "platelets", "albumin", "bilirubin", "ggt",
            "diabetes", "fib4", "lsm_kpa", "cap_dbm"]

df = pd.read_parquet("data/masld_cohort.parquet").drop_duplicates("patient_id")
df = df[df["years"] > 0]

dev, test = train_test_split(df, test_size=0.2, stratify=df["liver_event"], random_state=SEED)
train, valid = train_test_split(dev, test_size=0.2, stratify=dev["liver_event"], random_state=SEED)


def cox_label(frame: pd.DataFrame) -> np.ndarray:
    return np.where(frame["liver_event"] == 1, frame["years"], -frame["years"])


dtrain = xgb.DMatrix(train[FEATURES], label=cox_label(train))
dvalid = xgb.DMatrix(valid[FEATURES], label=cox_label(valid))
params = {"objective": "survival:cox", "eval_metric": "cox-nloglik", "eta": 0.02, "max_depth": 3,
          "min_child_weight": 10, "subsample": 0.8, "colsample_bytree": 0.7, "lambda": 2.0, "seed": SEED}
bst = xgb.train(params, dtrain, num_boost_round=3000, evals=[(dtrain, "train"), (dvalid, "valid")],
                early_stopping_rounds=100, verbose_eval=200)
bst.save_model("models/xgb_cox_liver.json")
print("best iteration:", bst.best_iteration)

y_dev = Surv.from_arrays(dev["liver_event"].astype(bool), dev["years"])
y_train = Surv.from_arrays(train["liver_event"].astype(bool), train["years"])
y_test = Surv.from_arrays(test["liver_event"].astype(bool), test["years"])

cox = CoxPHSurvivalAnalysis(alpha=0.5).fit(train[["age", "fib4", "lsm_kpa", "diabetes"]], y_train)
risks = {
    "xgb-cox": bst.predict(xgb.DMatrix(test[FEATURES]), iteration_range=(0, bst.best_iteration + 1)),
    "cox(age, FIB-4, LSM, DM)": cox.predict(test[["age", "fib4", "lsm_kpa", "diabetes"]]),
}

times = np.array([1.0, 2.0, 3.0, 5.0])
times = times[times < y_test["time"].max()]
for name, r in risks.items():
    harrell = concordance_index_censored(y_test["event"], y_test["time"], r)[0]
    uno = concordance_index_ipcw(y_dev, y_test, r, tau=times[-1])[0]
    auc, mean_auc = cumulative_dynamic_auc(y_dev, y_test, r, times)
    print(f"{name:26s} Harrell={harrell:.3f} Uno={uno:.3f} AUC(t)={np.round(auc, 3)} mean={mean_auc:.3f}")
