"""Photometric STAR/GALAXY/QSO classification for SDSS DR18, validated across spectroscopic plates.

Objects on one plate share observing conditions and target selection, so every split is grouped by plate.
"""
import sys

import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import balanced_accuracy_score, classification_report
from sklearn.model_selection import StratifiedGroupKFold, cross_val_score
from sklearn.preprocessing import LabelEncoder

SEED = 18
BANDS = "ugriz"

path = sys.argv[1] if len(sys.argv) > 1 else "data/dr18_specphoto_sample.csv"
df = pd.read_csv(path)
df = df[(df["zWarning"] == 0) & (df["clean"] == 1)].reset_index(drop=True)

# photometric features only (no redshift: it is what separates QSOs from stars)
feat = pd.DataFrame(index=df.index)
for b in BANDS:
    feat[f"psf_{b}"] = df[f"psfMag_{b}"] - df[f"extinction_{b}"]
    feat[f"psf_minus_model_{b}"] = df[f"psfMag_{b}"] - df[f"modelMag_{b}"]
for a, b in zip(BANDS, BANDS[1:]):
    feat[f"{a}_{b}"] = feat[f"psf_{a}"] - feat[f"psf_{b}"]
feat["petroR50_r"] = df["petroR50_r"]
feat["fracDeV_r"] = df["fracDeV_r"]

le = LabelEncoder()
y = le.fit_transform(df["class"])
X = feat.to_numpy()
groups = df["plate"].to_numpy()
print(dict(zip(le.classes_, np.bincount(y))), "plates:", len(np.unique(groups)))

# hold out ~20% of plates, keeping class proportions roughly equal
outer = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=SEED)
dev_idx, test_idx = next(outer.split(X, y, groups))
assert not set(groups[dev_idx]) & set(groups[test_idx])

clf = HistGradientBoostingClassifier(
    learning_rate=0.08,
    max_iter=600,
    max_leaf_nodes=48,
    l2_regularization=1.0,
    class_weight="balanced",
    random_state=SEED,
)

inner = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=SEED)
cv = cross_val_score(clf, X[dev_idx], y[dev_idx], groups=groups[dev_idx], cv=inner,
                     scoring="balanced_accuracy", n_jobs=-1)
print(f"plate-grouped CV balanced accuracy: {cv.mean():.4f} +/- {cv.std():.4f}")

clf.fit(X[dev_idx], y[dev_idx])
pred = clf.predict(X[test_idx])
print(f"held-out plates balanced accuracy: {balanced_accuracy_score(y[test_idx], pred):.4f}")
print(classification_report(y[test_idx], pred, target_names=le.classes_, digits=4))
