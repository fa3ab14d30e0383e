import pandas as pd
from sklearn.metrics import classification_report, recall_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.neighbors import KNeighborsClassifier
from sklearn.preprocessing import RobustScaler

COLUMNS = ["age", "resting_bp", "cholesterol", "max_heart_rate", "st_depression", "num_vessels"]

heart = pd.read_csv("data/heart.csv")
heart = heart.dropna(subset=COLUMNS + ["disease"])
X = heart[COLUMNS]
y = heart["disease"]

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.25, random_state=5, stratify=y
)

scaler = RobustScaler()
X_train = scaler.fit_transform(X_train)
X_test = scaler.fit_transform(X_test)

knn = KNeighborsClassifier(n_neighbors=15, weights="distance")
knn.fit(X_train, y_train)

pred = knn.predict(X_test)
proba = knn.predict_proba(X_test)[:, 1]
print(classification_report(y_test, pred))
print("sensitivity:", recall_score(y_test, pred))
print("ROC AUC:", roc_auc_score(y_test, proba))
