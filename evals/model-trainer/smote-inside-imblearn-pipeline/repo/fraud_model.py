import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from imblearn.pipeline import Pipeline
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, classification_report, precision_recall_curve, roc_auc_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold, cross_val_predict, train_test_split
from sklearn.preprocessing import StandardScaler

SEED = 31

tx = pd.read_csv("data/card_transactions.csv")
X, y = tx.drop(columns=["is_fraud", "transaction_id"]), tx["is_fraud"]
print(y.value_counts(normalize=True))
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=SEED)

pipe = Pipeline([
    ("scale", StandardScaler()),
    ("smote", SMOTE(random_state=SEED)),
    ("clf", LogisticRegression(max_iter=3000)),
])
grid = {"smote__sampling_strategy": [0.1, 0.3, 0.5], "clf__C": [0.01, 0.1, 1.0]}
cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
search = GridSearchCV(pipe, grid, cv=cv, scoring="average_precision", n_jobs=-1)
search.fit(X_train, y_train)
print("best", search.best_params_, "CV PR AUC", round(search.best_score_, 4))

# decision threshold from out-of-fold training predictions
oof = cross_val_predict(search.best_estimator_, X_train, y_train, cv=cv, method="predict_proba")[:, 1]
prec, rec, thr = precision_recall_curve(y_train, oof)
ok = np.where(prec[:-1] >= 0.5)[0]
threshold = thr[ok[np.argmax(rec[:-1][ok])]] if len(ok) else 0.5
print("threshold for precision >= 0.5 on training folds:", round(threshold, 4))

proba = search.predict_proba(X_test)[:, 1]
print(classification_report(y_test, (proba >= threshold).astype(int), digits=4))
print("ROC AUC", roc_auc_score(y_test, proba))
print("PR AUC", average_precision_score(y_test, proba), "(prevalence baseline", round(y_test.mean(), 4), ")")
