import json

import joblib
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, roc_auc_score
from sklearn.model_selection import train_test_split

from features import build_matrix

with open("settings.json") as fh:
    S = json.load(fh)

df = pd.read_parquet(S["input"])
df = df.drop_duplicates(subset=["session_id"])
print(f"{len(df):,} sessions, {df[S['label']].mean():.2%} bots")

train_df, test_df = train_test_split(
    df, test_size=S["test_size"], stratify=df[S["label"]], random_state=S["seed"]
)

X_train = build_matrix(train_df)
y_train = train_df[S["label"]].values

clf = LogisticRegression(C=S["C"], class_weight="balanced", max_iter=3000)
clf.fit(X_train, y_train)

X_test = build_matrix(test_df)
y_test = test_df[S["label"]].values
scores = clf.predict_proba(X_test)[:, 1]

print(f"test ROC AUC {roc_auc_score(y_test, scores):.4f}")
print(f"test PR AUC  {average_precision_score(y_test, scores):.4f}")
print(f"test F1@0.5  {f1_score(y_test, scores >= 0.5):.4f}")

joblib.dump(clf, S["model_out"])
