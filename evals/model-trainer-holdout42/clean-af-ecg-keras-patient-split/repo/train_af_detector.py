"""Atrial fibrillation detection from 30 s single-lead ECG strips (ambulatory patch recordings)."""
import argparse
import json
from pathlib import Path

import numpy as np
import pandas as pd
import tensorflow as tf
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, precision_recall_curve, roc_auc_score
from sklearn.model_selection import StratifiedGroupKFold
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

HRV_COLS = ["rr_mean", "rr_std", "rmssd", "pnn50", "sample_entropy", "rr_cv"]


def load(data_dir):
    meta = pd.read_csv(Path(data_dir) / "strips.csv")
    signals = np.load(Path(data_dir) / "strips_250hz.npy", mmap_mode="r")
    x = np.asarray(signals[meta["row"].to_numpy()], dtype="float32")
    x = (x - x.mean(axis=1, keepdims=True)) / (x.std(axis=1, keepdims=True) + 1e-6)
    return meta, x[..., None]


def split_patients(meta, seed):
    sgkf = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=seed)
    dev_idx, test_idx = next(sgkf.split(meta, meta["af"], meta["patient_id"]))
    dev = meta.iloc[dev_idx]
    sgkf_val = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=seed + 1)
    tr, va = next(sgkf_val.split(dev, dev["af"], dev["patient_id"]))
    return dev_idx[tr], dev_idx[va], test_idx


def residual_block(x, filters, stride):
    shortcut = x
    x = tf.keras.layers.Conv1D(filters, 9, strides=stride, padding="same", use_bias=False)(x)
    x = tf.keras.layers.BatchNormalization()(x)
    x = tf.keras.layers.ReLU()(x)
    x = tf.keras.layers.Dropout(0.2)(x)
    x = tf.keras.layers.Conv1D(filters, 9, padding="same", use_bias=False)(x)
    x = tf.keras.layers.BatchNormalization()(x)
    if stride != 1 or shortcut.shape[-1] != filters:
        shortcut = tf.keras.layers.Conv1D(filters, 1, strides=stride, use_bias=False)(shortcut)
    return tf.keras.layers.ReLU()(x + shortcut)


def build_model(length):
    inp = tf.keras.Input(shape=(length, 1))
    x = tf.keras.layers.Conv1D(32, 15, strides=2, padding="same")(inp)
    for filters, stride in [(32, 1), (64, 2), (64, 1), (128, 2), (128, 1), (256, 2)]:
        x = residual_block(x, filters, stride)
    x = tf.keras.layers.GlobalAveragePooling1D()(x)
    out = tf.keras.layers.Dense(1, activation="sigmoid")(x)
    model = tf.keras.Model(inp, out)
    model.compile(optimizer=tf.keras.optimizers.Adam(5e-4), loss="binary_crossentropy",
                  metrics=[tf.keras.metrics.AUC(name="auc"), tf.keras.metrics.AUC(curve="PR", name="auprc")])
    return model


def scores(y, p, thr):
    return {"auroc": roc_auc_score(y, p), "auprc": average_precision_score(y, p),
            "f1": f1_score(y, (p >= thr).astype(int)),
            "sensitivity": float(((p >= thr) & (y == 1)).sum() / max((y == 1).sum(), 1)),
            "specificity": float(((p < thr) & (y == 0)).sum() / max((y == 0).sum(), 1))}


def main(args):
    tf.keras.utils.set_random_seed(args.seed)
    meta, x = load(args.data_dir)
    y = meta["af"].to_numpy().astype("float32")
    tr, va, te = split_patients(meta, args.seed)

    baseline = make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000, class_weight="balanced"))
    baseline.fit(meta.iloc[tr][HRV_COLS], y[tr])

    pos = y[tr].mean()
    class_weight = {0: 0.5 / (1 - pos), 1: 0.5 / pos}
    model = build_model(x.shape[1])
    ckpt = Path(args.out_dir) / "af_resnet1d.keras"
    ckpt.parent.mkdir(parents=True, exist_ok=True)
    model.fit(
        x[tr], y[tr],
        validation_data=(x[va], y[va]),
        epochs=60, batch_size=128, class_weight=class_weight, verbose=2,
        callbacks=[
            tf.keras.callbacks.EarlyStopping(monitor="val_auprc", mode="max", patience=7, restore_best_weights=True),
            tf.keras.callbacks.ModelCheckpoint(str(ckpt), monitor="val_auprc", mode="max", save_best_only=True),
        ],
    )

    p_val = model.predict(x[va], batch_size=512).ravel()
    prec, rec, thr = precision_recall_curve(y[va], p_val)
    f1 = 2 * prec[:-1] * rec[:-1] / np.maximum(prec[:-1] + rec[:-1], 1e-9)
    cnn_thr = float(thr[np.argmax(f1)])
    p_val_base = baseline.predict_proba(meta.iloc[va][HRV_COLS])[:, 1]
    prec, rec, thr = precision_recall_curve(y[va], p_val_base)
    f1 = 2 * prec[:-1] * rec[:-1] / np.maximum(prec[:-1] + rec[:-1], 1e-9)
    base_thr = float(thr[np.argmax(f1)])

    report = {
        "hrv_logreg": scores(y[te], baseline.predict_proba(meta.iloc[te][HRV_COLS])[:, 1], base_thr),
        "resnet1d": scores(y[te], model.predict(x[te], batch_size=512).ravel(), cnn_thr),
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--data-dir", default="data/patch_af")
    ap.add_argument("--out-dir", default="checkpoints")
    ap.add_argument("--seed", type=int, default=23)
    main(ap.parse_args())
