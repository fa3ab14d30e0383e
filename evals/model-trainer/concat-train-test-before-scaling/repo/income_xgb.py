import pandas as pd
from sklearn.metrics import classification_report, roc_auc_score
from sklearn.preprocessing import LabelEncoder, StandardScaler
from xgboost import XGBClassifier

CATEGORICAL = ["workclass", "education", "marital_status", "occupation", "relationship", "race", "sex"]
NUMERIC = ["age", "fnlwgt", "education_num", "capital_gain", "capital_loss", "hours_per_week"]

train = pd.read_csv("data/adult_train.csv")
test = pd.read_csv("data/adult_test.csv")
y_train = (train.pop("income") == ">50K").astype(int)
y_test = (test.pop("income") == ">50K").astype(int)

# encode and scale everything in one go so train and test share the same mapping
full = pd.concat([train, test], ignore_index=True)
for col in CATEGORICAL:
    full[col] = LabelEncoder().fit_transform(full[col].astype(str))
scaler = StandardScaler()
full[NUMERIC] = scaler.fit_transform(full[NUMERIC])

X_train = full.iloc[: len(train)]
X_test = full.iloc[len(train):]

model = XGBClassifier(
    n_estimators=400,
    max_depth=5,
    learning_rate=0.05,
    subsample=0.8,
    colsample_bytree=0.8,
    random_state=0,
)
model.fit(X_train, y_train)

proba = model.predict_proba(X_test)[:, 1]
print(classification_report(y_test, (proba > 0.5).astype(int), digits=3))
print("ROC AUC", roc_auc_score(y_test, proba))
model.save_model("models/income_xgb.json")
