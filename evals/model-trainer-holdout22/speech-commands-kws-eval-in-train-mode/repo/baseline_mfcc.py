"""Classic baseline: logistic regression on utterance-level MFCC statistics."""
import numpy as np
import torch
import torch.nn.functional as F
import torchaudio
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from kws.data import SAMPLE_RATE, SpeechCommandsSubset, build_label_map

mfcc = torchaudio.transforms.MFCC(sample_rate=SAMPLE_RATE, n_mfcc=20)


def featurise(dataset, label_map):
    X, y = [], []
    for wave, sr, label, *_ in dataset:
        wave = F.pad(wave[:, :SAMPLE_RATE], (0, max(0, SAMPLE_RATE - wave.shape[-1])))
        m = mfcc(wave).squeeze(0)
        X.append(torch.cat([m.mean(1), m.std(1)]).numpy())
        y.append(label_map[label])
    return np.stack(X), np.array(y)


if __name__ == "__main__":
    train_set = SpeechCommandsSubset("./data", "training")
    test_set = SpeechCommandsSubset("./data", "testing")
    label_map = build_label_map(train_set)
    X_tr, y_tr = featurise(train_set, label_map)
    X_te, y_te = featurise(test_set, label_map)
    clf = make_pipeline(StandardScaler(), LogisticRegression(max_iter=3000, C=1.0))
    clf.fit(X_tr, y_tr)
    pred = clf.predict(X_te)
    print(f"MFCC+LR  acc {accuracy_score(y_te, pred):.4f}  macro-F1 {f1_score(y_te, pred, average='macro'):.4f}")
