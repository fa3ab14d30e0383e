import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.impute import SimpleImputer
from sklearn.metrics import classification_report, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import MinMaxScaler

TARGET = "churned"
NUMERIC = ["tenure_months", "monthly_charges", "total_charges", "support_calls", "data_usage_gb"]


def add_features(frame):
    frame = frame.copy()
    frame["tenure_years"] = frame["tenure_months"] / 12
    frame["charge_per_call"] = frame["monthly_charges"] / (frame["support_calls"] + 1)
    return frame


def scale_and_impute(frame):
    frame = frame.copy()
    imputer = SimpleImputer(strategy="median")
    frame[NUMERIC] = imputer.fit_transform(frame[NUMERIC])
    scaler = MinMaxScaler()
    frame[NUMERIC] = scaler.fit_transform(frame[NUMERIC])
    return frame


raw = pd.read_csv("data/telco_customers.csv")
data = scale_and_impute(add_features(raw))

train_df, test_df = train_test_split(
    data, test_size=0.2, random_state=11, stratify=data[TARGET]
)
features = NUMERIC + ["tenure_years", "charge_per_call"]

forest = RandomForestClassifier(
    n_estimators=500, max_depth=10, min_samples_leaf=5, class_weight="balanced", random_state=11
)
forest.fit(train_df[features], train_df[TARGET])

proba = forest.predict_proba(test_df[features])[:, 1]
print(classification_report(test_df[TARGET], forest.predict(test_df[features])))
print("ROC AUC:", roc_auc_score(test_df[TARGET], proba))
