import librosa
import numpy as np
from sklearn.metrics import f1_score, recall_score
from sklearn.model_selection import GridSearchCV, GroupKFold
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

from speakers import load_manifest


def mfcc_stats(path):
    y, sr = librosa.load(path, sr=16000)
    m = librosa.feature.mfcc(y=y, sr=sr, n_mfcc=40)
    return np.concatenate([m.mean(1), m.std(1)])


splits = load_manifest("data/manifest.csv")
tr, te = splits["train"], splits["test"]
X_tr = np.stack([mfcc_stats(p) for p in tr.path])
X_te = np.stack([mfcc_stats(p) for p in te.path])

search = GridSearchCV(
    Pipeline([("scale", StandardScaler()), ("svm", SVC())]),
    {"svm__C": [0.3, 1, 3, 10], "svm__gamma": ["scale", 0.01, 0.001]},
    cv=GroupKFold(n_splits=6),
    scoring="f1_macro",
)
search.fit(X_tr, tr.label, groups=tr.actor)
pred = search.predict(X_te)
print("MFCC+SVM  UAR %.3f  macro-F1 %.3f" % (recall_score(te.label, pred, average="macro"), f1_score(te.label, pred, average="macro")))
