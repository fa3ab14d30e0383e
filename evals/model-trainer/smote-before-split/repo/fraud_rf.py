import joblib
import pandas as pd
from imblearn.over_sampling import SMOTE
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import average_precision_score, classification_report, roc_auc_score
from sklearn.model_selection import train_test_split

transactions = pd.read_csv("data/card_transactions.csv")
transactions = transactions.drop(columns=["transaction_id", "card_id"])

X = transactions.drop(columns="is_fraud")
y = transactions["is_fraud"]
print(y.value_counts(normalize=True))  # roughly 0.4% fraud

smote = SMOTE(sampling_strategy=0.5, k_neighbors=5, random_state=42)
X_res, y_res = smote.fit_resample(X, y)

X_train, X_test, y_train, y_test = train_test_split(
    X_res, y_res, test_size=0.2, random_state=42, stratify=y_res
)

forest = RandomForestClassifier(n_estimators=300, max_depth=14, n_jobs=-1, random_state=42)
forest.fit(X_train, y_train)

proba = forest.predict_proba(X_test)[:, 1]
print(classification_report(y_test, forest.predict(X_test), digits=4))
print("ROC AUC", roc_auc_score(y_test, proba))
print("PR AUC", average_precision_score(y_test, proba))

joblib.dump(forest, "models/fraud_rf.joblib")
