import pandas as pd
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold, train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

SEED = 0

data = pd.read_csv("data/spam_features.csv")
X = data.drop(columns=["is_spam"])
y = data["is_spam"]

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.2, stratify=y, random_state=SEED
)

pipe = Pipeline([("scale", StandardScaler()), ("svm", SVC())])
param_grid = {
    "svm__C": [0.1, 1, 10, 100],
    "svm__gamma": ["scale", 0.01, 0.001],
    "svm__kernel": ["rbf"],
}
cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
search = GridSearchCV(pipe, param_grid, cv=cv, scoring="f1", n_jobs=-1)
search.fit(X, y)
print("best params:", search.best_params_)
print("best CV F1:", round(search.best_score_, 4))

best = search.best_estimator_
pred = best.predict(X_test)
print(classification_report(y_test, pred, digits=4))
print("test F1:", f1_score(y_test, pred))
