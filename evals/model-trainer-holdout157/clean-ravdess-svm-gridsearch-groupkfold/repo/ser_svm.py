"""RAVDESS speech: MFCC/log-mel functionals -> StandardScaler -> PCA -> SVM.

Hyper-parameters are tuned with actor-grouped CV on the 20 training actors only;
actors 21-24 (two female, two male) are touched once at the end.
"""
import glob
import os
import sys

import joblib
import librosa
import numpy as np
import pandas as pd
from sklearn.decomposition import PCA
from sklearn.metrics import balanced_accuracy_score, classification_report, confusion_matrix
from sklearn.model_selection import GridSearchCV, GroupKFold
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

DATA_DIR = sys.argv[1] if len(sys.argv) > 1 else "data/ravdess_speech"
TEST_ACTORS = [21, 22, 23, 24]
SEED = 0
memory = joblib.Memory("cache", verbose=0)


@memory.cache
def functionals(path, sr=16000):
    y, _ = librosa.load(path, sr=sr)
    y, _ = librosa.effects.trim(y, top_db=25)
    S = librosa.feature.melspectrogram(y=y, sr=sr, n_fft=512, hop_length=160, n_mels=64)
    logS = librosa.power_to_db(S)
    mfcc = librosa.feature.mfcc(S=logS, n_mfcc=30)
    d = librosa.feature.delta(mfcc)
    stats = lambda M: np.r_[M.mean(1), M.std(1), np.percentile(M, 10, axis=1), np.percentile(M, 90, axis=1)]
    return np.r_[stats(mfcc), stats(d), logS.mean(1), logS.std(1)].astype(np.float32)


def load():
    recs = []
    for f in sorted(glob.glob(os.path.join(DATA_DIR, "Actor_*", "*.wav"))):
        _, _, emo, inten, stmt, rep, actor = os.path.basename(f)[:-4].split("-")
        recs.append(dict(path=f, emotion=int(emo), intensity=int(inten), actor=int(actor)))
    df = pd.DataFrame(recs)
    X = np.stack([functionals(p) for p in df.path])
    return df, X


df, X = load()
y = df.emotion.values
is_test = df.actor.isin(TEST_ACTORS).values
X_tr, y_tr, g_tr = X[~is_test], y[~is_test], df.actor.values[~is_test]
X_te, y_te = X[is_test], y[is_test]

pipe = Pipeline([
    ("scale", StandardScaler()),
    ("pca", PCA(n_components=0.98, svd_solver="full", random_state=SEED)),
    ("svm", SVC(kernel="rbf", class_weight="balanced", random_state=SEED)),
])
grid = {
    "svm__C": [1, 3, 10, 30, 100],
    "svm__gamma": ["scale", 1e-3, 3e-3, 1e-2],
    "pca__n_components": [0.95, 0.98, 0.995],
}
search = GridSearchCV(pipe, grid, cv=GroupKFold(n_splits=5), scoring="balanced_accuracy", n_jobs=-1,
                      refit=True)
search.fit(X_tr, y_tr, groups=g_tr)
print("best params:", search.best_params_, "CV UAR: %.3f" % search.best_score_)

pred = search.predict(X_te)
print("held-out actors UAR: %.3f" % balanced_accuracy_score(y_te, pred))
print(classification_report(y_te, pred, digits=3))
print(confusion_matrix(y_te, pred))
joblib.dump(search.best_estimator_, "ser_svm.joblib")
