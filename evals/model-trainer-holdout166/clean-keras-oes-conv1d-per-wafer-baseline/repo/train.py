import argparse

import numpy as np
from sklearn.metrics import average_precision_score, roc_auc_score
from tensorflow import keras

from data import LineScaler, load_oes, lot_stratified_split, subtract_baseline
from model import build_conv1d

ap = argparse.ArgumentParser(description="Endpoint-shift / arcing detection from OES traces")
ap.add_argument("--data", default="data/oes_main_etch.npz")
ap.add_argument("--seed", type=int, default=314)
ap.add_argument("--epochs", type=int, default=80)
args = ap.parse_args()

keras.utils.set_random_seed(args.seed)

x, y, lots, lines = load_oes(args.data)
x = subtract_baseline(x)

dev, test = lot_stratified_split(y, lots, n_splits=5, seed=args.seed)
tr_rel, va_rel = lot_stratified_split(y[dev], lots[dev], n_splits=5, seed=args.seed)
tr, va = dev[tr_rel], dev[va_rel]

scaler = LineScaler().fit(x[tr])
x_tr, x_va, x_te = scaler.transform(x[tr]), scaler.transform(x[va]), scaler.transform(x[test])

neg, pos = np.bincount(y[tr])
class_weight = {0: 1.0, 1: neg / pos}

model = build_conv1d(x.shape[1], x.shape[2])
model.fit(
    x_tr, y[tr],
    validation_data=(x_va, y[va]),
    epochs=args.epochs,
    batch_size=64,
    class_weight=class_weight,
    callbacks=[keras.callbacks.EarlyStopping(monitor="val_pr_auc", mode="max", patience=10,
                                             restore_best_weights=True)],
    verbose=2,
)

p = model.predict(x_te, batch_size=256).ravel()
print(f"test wafers {len(test)} ({y[test].sum()} abnormal)")
print(f"test ROC-AUC {roc_auc_score(y[test], p):.4f} | PR-AUC {average_precision_score(y[test], p):.4f}")
model.save("oes_conv1d.keras")
