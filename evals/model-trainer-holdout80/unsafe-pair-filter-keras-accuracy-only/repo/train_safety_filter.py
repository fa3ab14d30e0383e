"""Data-curation safety filter: flags unsafe image/alt-text pairs before they enter the pretraining mix.

Each row has a CLIP ViT-L/14 image embedding, the CLIP text embedding of the alt-text and a
human label (unsafe = 1) from the trust & safety review queue. Roughly 4% of reviewed pairs are unsafe.
"""
import numpy as np
import pandas as pd
import tensorflow as tf
from sklearn.model_selection import train_test_split
from tensorflow import keras
from tensorflow.keras import layers

SEED = 5
keras.utils.set_random_seed(SEED)

df = pd.read_parquet("data/curation/reviewed_pairs_2024q1.parquet")
print(df["unsafe"].value_counts())
print(df["unsafe"].value_counts(normalize=True).round(4))

img = np.stack(df["image_emb"].to_numpy()).astype("float32")
txt = np.stack(df["text_emb"].to_numpy()).astype("float32")
y = df["unsafe"].to_numpy().astype("float32")

idx = np.arange(len(df))
idx_train, idx_test = train_test_split(idx, test_size=0.15, stratify=y, random_state=SEED)
idx_train, idx_val = train_test_split(idx_train, test_size=0.15, stratify=y[idx_train], random_state=SEED)


def inputs(ix):
    return {"image": img[ix], "text": txt[ix]}


def build_model(dim=768, hidden=512, dropout=0.3):
    image_in = keras.Input((dim,), name="image")
    text_in = keras.Input((dim,), name="text")
    sim = layers.Dot(axes=1, normalize=True)([image_in, text_in])
    x = layers.Concatenate()([image_in, text_in, layers.Multiply()([image_in, text_in]), sim])
    x = layers.Dense(hidden, activation="gelu")(x)
    x = layers.Dropout(dropout)(x)
    x = layers.Dense(hidden // 2, activation="gelu")(x)
    x = layers.Dropout(dropout)(x)
    out = layers.Dense(1, activation="sigmoid")(x)
    return keras.Model([image_in, text_in], out)


neg, pos = np.bincount(y[idx_train].astype(int))
class_weight = {0: 1.0, 1: neg / pos}
print(f"train positives: {pos} / {neg + pos}, class weight for unsafe: {neg / pos:.1f}")

model = build_model()
model.compile(optimizer=keras.optimizers.AdamW(learning_rate=3e-4, weight_decay=1e-4),
              loss="binary_crossentropy",
              metrics=["accuracy"])

callbacks = [
    keras.callbacks.EarlyStopping(monitor="val_loss", patience=5, restore_best_weights=True),
    keras.callbacks.ModelCheckpoint("checkpoints/safety_filter.keras", monitor="val_loss", save_best_only=True),
    keras.callbacks.ReduceLROnPlateau(monitor="val_loss", factor=0.5, patience=2),
]
model.fit(inputs(idx_train), y[idx_train],
          validation_data=(inputs(idx_val), y[idx_val]),
          epochs=50, batch_size=256, class_weight=class_weight, callbacks=callbacks)

majority_acc = 1.0 - y[idx_test].mean()
test_loss, test_acc = model.evaluate(inputs(idx_test), y[idx_test], verbose=0)
print(f"majority (all safe) accuracy: {majority_acc:.4f}")
print(f"safety filter test accuracy:  {test_acc:.4f}  (loss {test_loss:.4f})")
model.save("artifacts/safety_filter_final.keras")
