import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from imblearn.pipeline import Pipeline
from lightgbm import LGBMClassifier
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import StratifiedGroupKFold, cross_validate

from features import wafer_features

SEED = 13

df = pd.read_pickle("data/LSWMD.pkl")
df["failureType"] = df["failureType"].apply(lambda v: v[0][0] if len(v) > 0 else None)
df = df[df["failureType"].notna() & (df["failureType"] != "none")].reset_index(drop=True)

X = pd.DataFrame([wafer_features(m) for m in df["waferMap"]])
y = df["failureType"].astype("category").cat.codes.to_numpy()
classes = df["failureType"].astype("category").cat.categories
lots = df["lotName"].to_numpy()
print(X.shape, np.bincount(y))

# hold out one lot-grouped, class-stratified fold as the test set
outer = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=SEED)
tr, te = next(outer.split(X, y, groups=lots))
X_tr, y_tr, g_tr = X.iloc[tr], y[tr], lots[tr]
X_te, y_te = X.iloc[te], y[te]

model = Pipeline([
    ("smote", SMOTE(k_neighbors=5, random_state=SEED)),
    ("lgbm", LGBMClassifier(n_estimators=400, learning_rate=0.05, num_leaves=31,
                            subsample=0.8, subsample_freq=1, colsample_bytree=0.8,
                            random_state=SEED, verbose=-1)),
])

# lot-grouped inner CV on the training part
inner = StratifiedGroupKFold(n_splits=4, shuffle=True, random_state=SEED)
cv = cross_validate(model, X_tr, y_tr, groups=g_tr, cv=inner, scoring=["f1_macro", "balanced_accuracy"])
print(f"CV macro-F1 {cv['test_f1_macro'].mean():.4f} +/- {cv['test_f1_macro'].std():.4f}")
print(f"CV bal-acc  {cv['test_balanced_accuracy'].mean():.4f}")

model.fit(X_tr, y_tr)
pred = model.predict(X_te)
print(f"test macro-F1 {f1_score(y_te, pred, average='macro'):.4f}")
print(classification_report(y_te, pred, target_names=list(classes), digits=3))
