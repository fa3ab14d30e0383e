import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.preprocessing import OrdinalEncoder, StandardScaler
from xgboost import XGBClassifier

NUM = ["income", "loan_amount", "term_months", "credit_score", "debt_to_income"]
CAT = ["home_ownership", "purpose", "state"]
TARGET = "defaulted"


def preprocess(df):
    df = df.copy()
    df[NUM] = df[NUM].fillna(df[NUM].median())
    df[NUM] = StandardScaler().fit_transform(df[NUM])
    df[CAT] = OrdinalEncoder().fit_transform(df[CAT].astype(str))
    return df


train = preprocess(pd.read_csv("data/loans_train.csv"))
holdout = preprocess(pd.read_csv("data/loans_holdout.csv"))

X_train, y_train = train[NUM + CAT], train[TARGET]
X_hold, y_hold = holdout[NUM + CAT], holdout[TARGET]

baseline = DummyClassifier(strategy="prior").fit(X_train, y_train)
model = XGBClassifier(n_estimators=400, max_depth=4, learning_rate=0.05, subsample=0.8, random_state=42)
model.fit(X_train, y_train)

for name, clf in [("baseline", baseline), ("xgboost", model)]:
    p = clf.predict_proba(X_hold)[:, 1]
    print(f"{name}: ROC AUC {roc_auc_score(y_hold, p):.3f}  PR AUC {average_precision_score(y_hold, p):.3f}")
