"""Keras wake-word detector ("hey_juniper") on 40-dim log-mel windows.

Feature files come from featurize.py: one .npz per split with X (N, 98, 40), y (N,), neg_hours.
Splits were made by household.
"""
import json
import os

import numpy as np
import tensorflow as tf
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score

SEED = 5150
TARGET_FA_PER_HOUR = 0.5
FEATURE_DIR = os.environ.get("WAKEWORD_FEATURES", "features")
tf.keras.utils.set_random_seed(SEED)
os.makedirs("models", exist_ok=True)


def load(split):
    d = np.load(os.path.join(FEATURE_DIR, f"{split}.npz"))
    return d["X"].astype("float32"), d["y"].astype("float32"), float(d["neg_hours"])


def threshold_for_fa(scores, labels, neg_hours, target):
    neg_scores = np.sort(scores[labels == 0])[::-1]
    allowed = int(np.floor(target * neg_hours))
    if allowed >= len(neg_scores):
        return 0.0
    return float(np.nextafter(neg_scores[allowed], 1.0))


def operating_point(scores, labels, neg_hours, thr):
    fired = scores >= thr
    return {"threshold": thr,
            "false_alarms_per_hour": float(np.sum(fired & (labels == 0)) / neg_hours),
            "false_reject_rate": float(1 - fired[labels == 1].mean())}


def build_model(input_shape):
    inp = tf.keras.Input(shape=input_shape)
    x = tf.keras.layers.Reshape((*input_shape, 1))(inp)
    for filters in (32, 48, 64):
        x = tf.keras.layers.SeparableConv2D(filters, 3, padding="same", use_bias=False)(x)
        x = tf.keras.layers.BatchNormalization()(x)
        x = tf.keras.layers.ReLU()(x)
        x = tf.keras.layers.MaxPool2D((2, 1))(x)
    x = tf.keras.layers.GlobalAveragePooling2D()(x)
    x = tf.keras.layers.Dropout(0.25)(x)
    out = tf.keras.layers.Dense(1, activation="sigmoid")(x)
    return tf.keras.Model(inp, out)


X_tr, y_tr, _ = load("train")
X_va, y_va, val_hours = load("val")
X_te, y_te, test_hours = load("test")

norm_mean, norm_std = X_tr.mean(axis=(0, 1)), X_tr.std(axis=(0, 1)) + 1e-6
X_tr, X_va, X_te = [(a - norm_mean) / norm_std for a in (X_tr, X_va, X_te)]

pos_weight = float((y_tr == 0).sum() / max(1, (y_tr == 1).sum()))
model = build_model(X_tr.shape[1:])
model.compile(optimizer=tf.keras.optimizers.Adam(1e-3), loss="binary_crossentropy",
              metrics=[tf.keras.metrics.AUC(curve="PR", name="pr_auc")])
model.fit(
    X_tr, y_tr, validation_data=(X_va, y_va), epochs=60, batch_size=256,
    class_weight={0: 1.0, 1: pos_weight},
    callbacks=[
        tf.keras.callbacks.EarlyStopping(monitor="val_pr_auc", mode="max", patience=6, restore_best_weights=True),
        tf.keras.callbacks.ModelCheckpoint("models/wakeword_best.keras", monitor="val_pr_auc", mode="max",
                                           save_best_only=True),
    ],
)

baseline = LogisticRegression(max_iter=2000, class_weight="balanced").fit(X_tr.mean(axis=1), y_tr)
scores = {
    "cnn": (model.predict(X_va, batch_size=1024).ravel(), model.predict(X_te, batch_size=1024).ravel()),
    "logreg_mean_mel": (baseline.predict_proba(X_va.mean(axis=1))[:, 1], baseline.predict_proba(X_te.mean(axis=1))[:, 1]),
}
report = {}
for name, (s_val, s_test) in scores.items():
    thr = threshold_for_fa(s_val, y_va, val_hours, TARGET_FA_PER_HOUR)
    report[name] = {
        "val_operating_point": operating_point(s_val, y_va, val_hours, thr),
        "test_operating_point": operating_point(s_test, y_te, test_hours, thr),
        "test_pr_auc": float(average_precision_score(y_te, s_test)),
        "test_roc_auc": float(roc_auc_score(y_te, s_test)),
    }
print(json.dumps(report, indent=2))
json.dump({"norm_mean": norm_mean.tolist(), "norm_std": norm_std.tolist(),
           "threshold": report["cnn"]["val_operating_point"]["threshold"]},
          open("models/wakeword_frontend.json", "w"), indent=2)
