import json

import joblib
import numpy as np
from sklearn.impute import SimpleImputer
from sklearn.metrics import accuracy_score, classification_report, f1_score
from sklearn.model_selection import GridSearchCV, GroupKFold
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import LabelEncoder
from xgboost import XGBClassifier

from data_utils import LogFeatures, load

cfg = json.load(open("config.json"))
np.random.seed(cfg["seed"])

train = load(cfg["train_csv"], cfg["target"], cfg["logs"])
test = load(cfg["test_csv"], cfg["target"], cfg["logs"])
assert not set(train.WELL) & set(test.WELL), "test wells must not appear in training"

# lithology codes (30000, 65000, ...) -> 0..K-1 for xgboost
le = LabelEncoder().fit(np.concatenate([train[cfg["target"]], test[cfg["target"]]]))
y_train = le.transform(train[cfg["target"]])
y_test = le.transform(test[cfg["target"]])

pipe = Pipeline([
    ("logs", LogFeatures()),
    ("impute", SimpleImputer(strategy="median")),
    ("xgb", XGBClassifier(n_estimators=cfg["n_estimators"], subsample=0.8,
                          colsample_bytree=0.8, tree_method="hist",
                          random_state=cfg["seed"], n_jobs=4)),
])

search = GridSearchCV(pipe, cfg["grid"], cv=GroupKFold(n_splits=cfg["cv_folds"]),
                      scoring="f1_macro", n_jobs=1, verbose=1)
search.fit(train[cfg["logs"]], y_train, groups=train["WELL"])
print("best params:", search.best_params_)
print(f"CV macro F1 (grouped by well): {search.best_score_:.3f}")

pred = search.best_estimator_.predict(test[cfg["logs"]])
print(f"test accuracy: {accuracy_score(y_test, pred):.3f}")
print(f"test macro F1: {f1_score(y_test, pred, average='macro'):.3f}")
print(classification_report(y_test, pred, labels=np.arange(len(le.classes_)),
                            target_names=[str(c) for c in le.classes_], zero_division=0))

joblib.dump({"model": search.best_estimator_, "label_encoder": le}, "xgb_lithology.joblib")
