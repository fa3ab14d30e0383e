import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import GroupShuffleSplit
from sklearn.preprocessing import LabelEncoder

SEED = 99
rng = np.random.default_rng(SEED)

feats = pd.read_parquet("cache/wm811k_features.parquet")
X_cols = [c for c in feats.columns if c not in ("lotName", "waferIndex", "failureType")]
print(feats["failureType"].value_counts(normalize=True).round(4))

le = LabelEncoder().fit(feats["failureType"])
y_all = le.transform(feats["failureType"])

gss = GroupShuffleSplit(n_splits=1, test_size=0.25, random_state=SEED)
tr, te = next(gss.split(feats, y_all, groups=feats["lotName"]))

# 'none' is ~85% of labeled wafers: keep 10% of the 'none' wafers in the training lots
none_code = le.transform(["none"])[0]
tr_none = tr[y_all[tr] == none_code]
keep = np.concatenate([tr[y_all[tr] != none_code], rng.choice(tr_none, size=len(tr_none) // 10, replace=False)])

X_train, y_train = feats.iloc[keep][X_cols], y_all[keep]
X_test, y_test = feats.iloc[te][X_cols], y_all[te]

rf = RandomForestClassifier(n_estimators=500, min_samples_leaf=2, class_weight="balanced_subsample",
                            n_jobs=-1, random_state=SEED)
rf.fit(X_train, y_train)

pred = rf.predict(X_test)
print(f"test macro-F1 (real class mix): {f1_score(y_test, pred, average='macro'):.4f}")
print(classification_report(y_test, pred, target_names=le.classes_, digits=3))
