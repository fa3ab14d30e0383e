"""Detect whether an invoice page carries an approval stamp (AP workflow, scanned paper invoices)."""
import numpy as np
import pandas as pd
import tensorflow as tf
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, precision_recall_curve, roc_auc_score
from sklearn.model_selection import train_test_split

from preprocess import colour_ink_features, prepare_page

SEED = 4242
SIZE = 384
tf.keras.utils.set_random_seed(SEED)

pages = pd.read_csv("data/stamps/pages.csv")          # one row per invoice, first page only
X = np.stack([prepare_page(p, SIZE) for p in pages["path"]])
ink = np.stack([colour_ink_features(p) for p in pages["path"]])
y = pages["has_stamp"].astype(int).to_numpy()

idx = np.arange(len(y))
idx_trval, idx_test = train_test_split(idx, test_size=0.2, stratify=y, random_state=SEED)
idx_train, idx_val = train_test_split(idx_trval, test_size=0.2, stratify=y[idx_trval], random_state=SEED)

aug = tf.keras.Sequential([
    tf.keras.layers.RandomTranslation(0.05, 0.05, fill_mode="constant"),
    tf.keras.layers.RandomZoom(0.1, fill_mode="constant"),
])


def build(size):
    inp = tf.keras.Input((size, size, 2))
    x = aug(inp)
    for f in (24, 48, 96, 128):
        x = tf.keras.layers.Conv2D(f, 3, strides=2, padding="same", use_bias=False)(x)
        x = tf.keras.layers.BatchNormalization()(x)
        x = tf.keras.layers.Activation("swish")(x)
        x = tf.keras.layers.Conv2D(f, 3, padding="same", activation="swish")(x)
    x = tf.keras.layers.GlobalMaxPooling2D()(x)
    x = tf.keras.layers.Dropout(0.3)(x)
    return tf.keras.Model(inp, tf.keras.layers.Dense(1, activation="sigmoid")(x))


model = build(SIZE)
model.compile(optimizer=tf.keras.optimizers.Adam(3e-4), loss="binary_crossentropy",
              metrics=[tf.keras.metrics.AUC(name="auc"), tf.keras.metrics.AUC(curve="PR", name="pr_auc")])
model.fit(
    X[idx_train], y[idx_train],
    validation_data=(X[idx_val], y[idx_val]),
    epochs=50, batch_size=32,
    callbacks=[
        tf.keras.callbacks.EarlyStopping(monitor="val_pr_auc", mode="max", patience=6, restore_best_weights=True),
        tf.keras.callbacks.ModelCheckpoint("checkpoints/stamp_cnn.keras", monitor="val_pr_auc", mode="max",
                                           save_best_only=True),
    ],
    verbose=2,
)

baseline = LogisticRegression(max_iter=1000).fit(ink[idx_train], y[idx_train])

p_val = model.predict(X[idx_val]).ravel()
prec, rec, thr = precision_recall_curve(y[idx_val], p_val)
f1s = 2 * prec[:-1] * rec[:-1] / np.clip(prec[:-1] + rec[:-1], 1e-9, None)
threshold = thr[np.argmax(f1s)]

p_test = model.predict(X[idx_test]).ravel()
p_base = baseline.predict_proba(ink[idx_test])[:, 1]
yt = y[idx_test]
print(f"colour-ink baseline: ROC AUC {roc_auc_score(yt, p_base):.4f}  AP {average_precision_score(yt, p_base):.4f}")
print(f"stamp CNN:           ROC AUC {roc_auc_score(yt, p_test):.4f}  AP {average_precision_score(yt, p_test):.4f}  "
      f"F1@{threshold:.2f} {f1_score(yt, p_test >= threshold):.4f}")
