"""Yoga pose classifier on MoveNet keypoints.

keypoints.csv: image, label, then kp{i}_y, kp{i}_x, kp{i}_score for the 17 COCO keypoints
(MoveNet Lightning run offline over the photo set).
"""
import numpy as np
import pandas as pd
import tensorflow as tf
from sklearn.metrics import classification_report
from sklearn.model_selection import train_test_split

SEED = 2024
tf.keras.utils.set_random_seed(SEED)
rng = np.random.default_rng(SEED)

CSV = "data/yoga_movenet_keypoints.csv"
MIN_SCORE = 0.2
TARGET_PER_CLASS = 600
# COCO left/right pairs, used for mirroring
FLIP_PAIRS = [(1, 2), (3, 4), (5, 6), (7, 8), (9, 10), (11, 12), (13, 14), (15, 16)]

df = pd.read_csv(CSV)
labels = sorted(df["label"].unique())
label_to_id = {l: i for i, l in enumerate(labels)}

kps = np.stack(
    [df[[f"kp{i}_x", f"kp{i}_y"]].to_numpy() for i in range(17)], axis=1
).astype(np.float32)                                                   # (N, 17, 2)
scores = df[[f"kp{i}_score" for i in range(17)]].to_numpy()
kps[scores < MIN_SCORE] = 0.0
y = df["label"].map(label_to_id).to_numpy()


def normalise(pose):
    """Centre on the hip midpoint and scale by torso size (per sample)."""
    hips = (pose[:, 11] + pose[:, 12]) / 2
    shoulders = (pose[:, 5] + pose[:, 6]) / 2
    torso = np.linalg.norm(shoulders - hips, axis=1, keepdims=True)[:, None] + 1e-6
    return (pose - hips[:, None, :]) / torso


def augment(pose, rng):
    theta = np.deg2rad(rng.uniform(-12, 12))
    rot = np.array([[np.cos(theta), -np.sin(theta)], [np.sin(theta), np.cos(theta)]], dtype=np.float32)
    out = pose @ rot.T * rng.uniform(0.9, 1.1) + rng.normal(0, 0.02, pose.shape)
    if rng.random() < 0.5:
        out[:, 0] *= -1
        for a, b in FLIP_PAIRS:
            out[[a, b]] = out[[b, a]]
    return out.astype(np.float32)


def balance_with_augmentation(X, y, rng):
    X_out, y_out = [X], [y]
    for c in np.unique(y):
        idx = np.flatnonzero(y == c)
        n_new = TARGET_PER_CLASS - len(idx)
        if n_new <= 0:
            continue
        picks = rng.choice(idx, size=n_new, replace=True)
        X_out.append(np.stack([augment(X[i], rng) for i in picks]))
        y_out.append(np.full(n_new, c))
    return np.concatenate(X_out), np.concatenate(y_out)


X = normalise(kps)
print("class counts before:", np.bincount(y))
X, y = balance_with_augmentation(X, y, rng)
print("class counts after: ", np.bincount(y))

X_train, X_test, y_train, y_test = train_test_split(
    X.reshape(len(X), -1), y, test_size=0.2, stratify=y, random_state=SEED
)

model = tf.keras.Sequential([
    tf.keras.layers.Input(shape=(34,)),
    tf.keras.layers.Dense(128, activation="relu"),
    tf.keras.layers.Dropout(0.4),
    tf.keras.layers.Dense(64, activation="relu"),
    tf.keras.layers.Dropout(0.4),
    tf.keras.layers.Dense(len(labels), activation="softmax"),
])
model.compile(optimizer=tf.keras.optimizers.Adam(1e-3),
              loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(X_train, y_train, epochs=120, batch_size=32, validation_split=0.1, verbose=2)

pred = model.predict(X_test).argmax(1)
print(classification_report(y_test, pred, target_names=labels, digits=3))
model.save("models/yoga_mlp.keras")
