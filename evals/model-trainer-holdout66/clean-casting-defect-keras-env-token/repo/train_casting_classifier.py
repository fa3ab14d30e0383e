"""
Impeller casting inspection: defective vs OK from 300x300 top-view grayscale images.
"""
import os
from pathlib import Path

import numpy as np
import tensorflow as tf
import wandb
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, precision_recall_curve, precision_score, recall_score
from sklearn.model_selection import train_test_split
from wandb.integration.keras import WandbMetricsLogger

SEED = 77
IMG = 224
DATA = Path(os.environ.get("CASTING_DATA", "data/casting_512x512"))
tf.keras.utils.set_random_seed(SEED)

wandb.login(key=os.environ["WANDB_API_KEY"])
run = wandb.init(project="casting-inspection", job_type="train", config={"img": IMG, "seed": SEED})

paths = sorted(str(p) for p in DATA.glob("*/*.jpeg"))
labels = np.array([1 if Path(p).parent.name == "def_front" else 0 for p in paths])
p_dev, p_test, y_dev, y_test = train_test_split(paths, labels, test_size=0.15, stratify=labels, random_state=SEED)
p_train, p_val, y_train, y_val = train_test_split(p_dev, y_dev, test_size=0.15, stratify=y_dev, random_state=SEED)


def load(path, label):
    img = tf.io.decode_jpeg(tf.io.read_file(path), channels=3)
    return tf.image.resize(img, (IMG, IMG)), label


augment = tf.keras.Sequential([
    tf.keras.layers.RandomFlip("horizontal_and_vertical"),
    tf.keras.layers.RandomRotation(0.5),
    tf.keras.layers.RandomBrightness(0.1),
])


def make_ds(p, y, training):
    ds = tf.data.Dataset.from_tensor_slices((p, y)).map(load, num_parallel_calls=tf.data.AUTOTUNE)
    if training:
        ds = ds.shuffle(2048, seed=SEED).map(lambda x, t: (augment(x, training=True), t))
    return ds.batch(32).prefetch(tf.data.AUTOTUNE)


train_ds, val_ds, test_ds = make_ds(p_train, y_train, True), make_ds(p_val, y_val, False), make_ds(p_test, y_test, False)

backbone = tf.keras.applications.MobileNetV2(input_shape=(IMG, IMG, 3), include_top=False, weights="imagenet")
backbone.trainable = False
inputs = tf.keras.Input((IMG, IMG, 3))
x = tf.keras.applications.mobilenet_v2.preprocess_input(inputs)
x = backbone(x, training=False)
x = tf.keras.layers.GlobalAveragePooling2D()(x)
x = tf.keras.layers.Dropout(0.2)(x)
model = tf.keras.Model(inputs, tf.keras.layers.Dense(1, activation="sigmoid")(x))
model.compile(optimizer=tf.keras.optimizers.Adam(1e-3), loss="binary_crossentropy",
              metrics=[tf.keras.metrics.AUC(curve="PR", name="pr_auc"), tf.keras.metrics.Recall(name="recall")])

callbacks = [
    tf.keras.callbacks.EarlyStopping(monitor="val_pr_auc", mode="max", patience=6, restore_best_weights=True),
    tf.keras.callbacks.ModelCheckpoint("checkpoints/casting_mnv2.keras", monitor="val_pr_auc", mode="max", save_best_only=True),
    WandbMetricsLogger(),
]
model.fit(train_ds, validation_data=val_ds, epochs=40, callbacks=callbacks)

val_p = model.predict(val_ds).ravel()
prec, rec, thr = precision_recall_curve(y_val, val_p)
ok = np.flatnonzero(rec[:-1] >= 0.98)
threshold = float(thr[ok[-1]]) if len(ok) else 0.5

test_p = model.predict(test_ds).ravel()
test_pred = (test_p >= threshold).astype(int)


def intensity_hist(p):
    img = tf.image.resize(tf.io.decode_jpeg(tf.io.read_file(p), channels=1), (64, 64)).numpy()
    return np.histogram(img, bins=32, range=(0, 255), density=True)[0]


hist_lr = LogisticRegression(max_iter=2000).fit(np.stack([intensity_hist(p) for p in p_train]), y_train)
base_p = hist_lr.predict_proba(np.stack([intensity_hist(p) for p in p_test]))[:, 1]

metrics = {
    "threshold": threshold,
    "test_pr_auc": average_precision_score(y_test, test_p),
    "test_recall": recall_score(y_test, test_pred),
    "test_precision": precision_score(y_test, test_pred),
    "test_f1": f1_score(y_test, test_pred),
    "baseline_hist_logreg_pr_auc": average_precision_score(y_test, base_p),
}
print(metrics)
wandb.log(metrics)
run.finish()
