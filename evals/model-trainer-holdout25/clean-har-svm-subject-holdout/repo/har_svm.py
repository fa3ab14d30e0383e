"""
Pattern Recognition course, project 2: activity recognition from smartphone sensors (UCI HAR).

The official split already separates subjects (21 train / 9 test volunteers). For model
selection we carve a *development* set of 4 volunteers out of the 21 training volunteers, so
that dev, like test, only contains people the model has never seen.
"""
import itertools
import logging
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.metrics import balanced_accuracy_score, confusion_matrix, f1_score
from sklearn.model_selection import GroupShuffleSplit
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

SEED = 8
ROOT = Path(__file__).parent / "UCI HAR Dataset"
ACTIVITIES = ["WALKING", "UPSTAIRS", "DOWNSTAIRS", "SITTING", "STANDING", "LAYING"]
logging.basicConfig(level=logging.INFO, format="%(message)s")
log = logging.getLogger("har")


def read_part(part):
    X = np.loadtxt(ROOT / part / f"X_{part}.txt")
    y = np.loadtxt(ROOT / part / f"y_{part}.txt", dtype=int) - 1
    subj = np.loadtxt(ROOT / part / f"subject_{part}.txt", dtype=int)
    return X, y, subj


def scores(y_true, y_pred):
    return {"macro_f1": f1_score(y_true, y_pred, average="macro"),
            "balanced_acc": balanced_accuracy_score(y_true, y_pred)}


X_train, y_train, subj_train = read_part("train")
X_test, y_test, subj_test = read_part("test")
assert not set(subj_train) & set(subj_test)

# ---- development split by volunteer (inside the official training part) -----------------
gss = GroupShuffleSplit(n_splits=1, test_size=4, random_state=SEED)
fit_idx, dev_idx = next(gss.split(X_train, y_train, groups=subj_train))
log.info("fit volunteers %s | dev volunteers %s",
         sorted(set(subj_train[fit_idx])), sorted(set(subj_train[dev_idx])))

# ---- hand-written grid search, selected on the dev volunteers -----------------------------
grid = {"C": [0.1, 1, 10, 100], "gamma": ["scale", 1e-3, 1e-2]}
history = []
for C, gamma in itertools.product(grid["C"], grid["gamma"]):
    model = make_pipeline(StandardScaler(), SVC(C=C, gamma=gamma, random_state=SEED))
    model.fit(X_train[fit_idx], y_train[fit_idx])
    train_s = scores(y_train[fit_idx], model.predict(X_train[fit_idx]))
    dev_s = scores(y_train[dev_idx], model.predict(X_train[dev_idx]))
    history.append({"C": C, "gamma": gamma, "train_macro_f1": train_s["macro_f1"], **{f"dev_{k}": v for k, v in dev_s.items()}})
    log.info("C=%-5s gamma=%-6s train F1 %.3f | dev F1 %.3f", C, gamma, train_s["macro_f1"], dev_s["macro_f1"])

history = pd.DataFrame(history).sort_values("dev_macro_f1", ascending=False)
best = history.iloc[0]
log.info("selected C=%s gamma=%s (dev macro-F1 %.3f)", best["C"], best["gamma"], best["dev_macro_f1"])

# ---- refit on all 21 training volunteers, score the 9 test volunteers once ----------------
gamma = best["gamma"] if best["gamma"] == "scale" else float(best["gamma"])
final = make_pipeline(StandardScaler(), SVC(C=float(best["C"]), gamma=gamma, random_state=SEED))
final.fit(X_train, y_train)
baseline = DummyClassifier(strategy="prior").fit(X_train, y_train)

test_scores = {"svm": scores(y_test, final.predict(X_test)),
               "prior_baseline": scores(y_test, baseline.predict(X_test))}
print(pd.DataFrame(test_scores).T.round(4))
print(pd.DataFrame(confusion_matrix(y_test, final.predict(X_test)), index=ACTIVITIES, columns=ACTIVITIES))
history.to_csv("grid_history.csv", index=False)
