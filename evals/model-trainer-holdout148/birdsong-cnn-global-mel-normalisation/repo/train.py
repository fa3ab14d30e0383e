import argparse
import json

import numpy as np
import pandas as pd
import tensorflow as tf
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import GroupShuffleSplit
from tensorflow import keras
from tensorflow.keras import layers

from features import N_MELS, compute_norm_stats, load_clip, log_mel, normalise

parser = argparse.ArgumentParser()
parser.add_argument("--meta", default="data/xc_annotations.csv")
parser.add_argument("--epochs", type=int, default=40)
parser.add_argument("--seed", type=int, default=17)
args = parser.parse_args()
keras.utils.set_random_seed(args.seed)

# one row per annotated 5 s segment: filename, offset_s, species, recordist, site_id
meta = pd.read_csv(args.meta)
classes = sorted(meta["species"].unique())
y = meta["species"].map({c: i for i, c in enumerate(classes)}).to_numpy()

specs = np.stack([log_mel(load_clip(f"data/audio/{r.filename}", r.offset_s))
                  for r in meta.itertuples()])
mean, std = compute_norm_stats(specs)
np.savez("norm_stats.npz", mean=mean, std=std)
X = normalise(specs, mean, std)[..., np.newaxis]

# hold out whole recording sites
gss = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=args.seed)
tr, te = next(gss.split(X, y, groups=meta["site_id"]))
X_train, y_train, X_test, y_test = X[tr], y[tr], X[te], y[te]
print(f"train={len(tr)} test={len(te)} sites_test={meta.iloc[te]['site_id'].nunique()}")


def build_cnn(n_classes, n_frames):
    inp = keras.Input(shape=(N_MELS, n_frames, 1))
    x = inp
    for filters in (32, 64, 128, 128):
        x = layers.Conv2D(filters, 3, padding="same", use_bias=False)(x)
        x = layers.BatchNormalization()(x)
        x = layers.ReLU()(x)
        x = layers.MaxPooling2D(2)(x)
    x = layers.GlobalAveragePooling2D()(x)
    x = layers.Dropout(0.3)(x)
    out = layers.Dense(n_classes, activation="softmax")(x)
    return keras.Model(inp, out)


model = build_cnn(len(classes), X.shape[2])
model.compile(optimizer=keras.optimizers.Adam(1e-3),
              loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(X_train, y_train, epochs=args.epochs, batch_size=32, shuffle=True, verbose=2)

pred = model.predict(X_test, batch_size=64).argmax(1)
print(classification_report(y_test, pred, labels=range(len(classes)), target_names=classes, zero_division=0))
with open("metrics.json", "w") as f:
    json.dump({"macro_f1": float(f1_score(y_test, pred, average="macro"))}, f, indent=2)
model.save("birdsong_cnn.keras")
