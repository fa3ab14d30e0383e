import numpy as np
import pandas as pd
from mne.datasets.sleep_physionet.age import fetch_data
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import cohen_kappa_score, f1_score
from sklearn.model_selection import GroupKFold

from sleep_features import epoch_features, read_night

SEED = 5
SUBJECTS = list(range(20))
STAGES = ["W", "N1", "N2", "N3", "REM"]

files = fetch_data(subjects=SUBJECTS, recording=[1, 2], on_missing="warn")
frames, labels, groups = [], [], []
for psg, hyp in files:
    subj = int(psg.split("SC4")[1][:2])
    epochs, y = read_night(psg, hyp)
    frames.append(epoch_features(epochs))
    labels.append(y)
    groups.append(np.full(len(y), subj))

X = pd.concat(frames, ignore_index=True)
y = np.concatenate(labels)
groups = np.concatenate(groups)
print(X.shape, pd.Series(y).map(dict(enumerate(STAGES))).value_counts().to_dict())

cv = GroupKFold(n_splits=5)
y_pred = np.empty_like(y)
for fold, (tr, te) in enumerate(cv.split(X, y, groups)):
    clf = HistGradientBoostingClassifier(learning_rate=0.05, max_iter=400, max_leaf_nodes=31,
                                         l2_regularization=1.0, class_weight="balanced",
                                         random_state=SEED)
    clf.fit(X.iloc[tr], y[tr])
    y_pred[te] = clf.predict(X.iloc[te])
    print(f"fold {fold}: subjects {sorted(set(groups[te]))} "
          f"kappa={cohen_kappa_score(y[te], y_pred[te]):.3f}")

print("\nout-of-fold (subject-wise) results")
print("Cohen kappa:", round(cohen_kappa_score(y, y_pred), 3))
print("macro F1:", round(f1_score(y, y_pred, average="macro"), 3))
print(pd.Series(f1_score(y, y_pred, average=None), index=STAGES).round(3).to_string())
