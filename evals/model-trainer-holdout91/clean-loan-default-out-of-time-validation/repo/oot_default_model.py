"""Lending Club charge-off model with out-of-time validation.

Loans issued 2014-01 .. 2017-06 are the development window; loans issued
2017-07 .. 2017-12 are the out-of-time test set, touched once at the end.
"""
import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import (average_precision_score, precision_score, recall_score,
                             roc_auc_score)
from sklearn.model_selection import train_test_split

SEED = 404
TARGET = "charged_off"
TEST_START = "2017-07-01"
TARGET_RECALL = 0.70
NUMERIC = ["loan_amnt", "int_rate", "installment", "annual_inc", "dti", "revol_util", "revol_bal",
           "open_acc", "total_acc", "inq_last_6mths", "delinq_2yrs", "fico_range_low", "mort_acc"]
CATEGORICAL = ["term", "grade", "sub_grade", "emp_length", "home_ownership", "purpose",
               "verification_status", "addr_state"]

np.random.seed(SEED)

loans = pd.read_csv("data/lc_loans_2014_2017.csv", parse_dates=["issue_d", "earliest_cr_line"])
loans[TARGET] = loans["loan_status"].isin(["Charged Off", "Default"]).astype(int)
loans["credit_history_months"] = ((loans["issue_d"] - loans["earliest_cr_line"]).dt.days / 30.44).round()
loans["loan_to_income"] = loans["loan_amnt"] / loans["annual_inc"].replace(0, np.nan)
loans = loans.sort_values("issue_d").reset_index(drop=True)
features = NUMERIC + ["credit_history_months", "loan_to_income"] + CATEGORICAL

dev = loans[loans["issue_d"] < TEST_START]
test = loans[loans["issue_d"] >= TEST_START]
train, valid = train_test_split(dev, test_size=0.15, shuffle=False)
print(f"train {train['issue_d'].min():%Y-%m}..{train['issue_d'].max():%Y-%m} ({len(train):,}), "
      f"valid ..{valid['issue_d'].max():%Y-%m} ({len(valid):,}), test ({len(test):,})")

medians = train[NUMERIC + ["credit_history_months", "loan_to_income"]].median()
cat_levels = {c: sorted(train[c].dropna().unique()) for c in CATEGORICAL}


def prepare(df):
    out = df[features].copy()
    out[medians.index] = out[medians.index].fillna(medians)
    for c in CATEGORICAL:
        out[c] = pd.Categorical(out[c], categories=cat_levels[c])
    return out


X_train, X_valid, X_test = prepare(train), prepare(valid), prepare(test)
y_train, y_valid, y_test = train[TARGET], valid[TARGET], test[TARGET]

model = lgb.LGBMClassifier(n_estimators=4000, learning_rate=0.02, num_leaves=48, min_child_samples=200,
                           colsample_bytree=0.6, subsample=0.8, subsample_freq=1, reg_lambda=5.0,
                           random_state=SEED, verbose=-1)
model.fit(X_train, y_train, eval_set=[(X_valid, y_valid)], eval_metric="auc",
          callbacks=[lgb.early_stopping(200), lgb.log_evaluation(500)])



def grade_dummies(df):
    return pd.get_dummies(df["sub_grade"], dtype=float).reindex(columns=cat_levels["sub_grade"], fill_value=0.0)


# baseline: what the sub-grade alone tells us
baseline = LogisticRegression(max_iter=2000).fit(grade_dummies(X_train), y_train)

# decision threshold: highest cut-off on the validation months that still reaches the target recall
p_valid = model.predict_proba(X_valid)[:, 1]
candidates = np.linspace(0.01, 0.99, 197)
recalls = np.array([recall_score(y_valid, p_valid >= t) for t in candidates])
threshold = candidates[recalls >= TARGET_RECALL].max()
print(f"threshold {threshold:.3f} (valid recall {recall_score(y_valid, p_valid >= threshold):.3f})")

for name, p in [("sub_grade logreg", baseline.predict_proba(grade_dummies(X_test))[:, 1]),
                ("lightgbm", model.predict_proba(X_test)[:, 1])]:
    print(f"{name:>16} | OOT AUC {roc_auc_score(y_test, p):.4f} | PR-AUC {average_precision_score(y_test, p):.4f}")
p_test = model.predict_proba(X_test)[:, 1]
print(f"lightgbm @ {threshold:.3f}: precision {precision_score(y_test, p_test >= threshold):.3f} "
      f"recall {recall_score(y_test, p_test >= threshold):.3f}")
model.booster_.save_model("lgbm_chargeoff_oot.txt")
