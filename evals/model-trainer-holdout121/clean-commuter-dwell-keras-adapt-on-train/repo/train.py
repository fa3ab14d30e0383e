"""Dwell-time regression for commuter rail stops (Keras, wide embeddings + MLP)."""
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

from common import load_config, load_events, set_seeds, to_inputs

cfg = load_config()
set_seeds(cfg["seed"])

df = load_events(cfg)
train = df[df.arrived_at < cfg["train_end"]]
val = df[(df.arrived_at >= cfg["train_end"]) & (df.arrived_at < cfg["val_end"])]
test = df[df.arrived_at >= cfg["val_end"]]
x_tr, x_va, x_te = (to_inputs(d, cfg) for d in (train, val, test))
y_tr, y_va, y_te = (np.log1p(d[cfg["target"]].to_numpy("float32")) for d in (train, val, test))

# preprocessing layers learn their vocab / moments from the training period only
norm = layers.Normalization(name="num_norm")
norm.adapt(x_tr["numeric"])

inputs, encoded = {}, []
for c in cfg["categorical"]:
    inp = keras.Input(shape=(1,), dtype=tf.string, name=c)
    lookup = layers.StringLookup(num_oov_indices=1, name=f"{c}_lookup")
    lookup.adapt(train[c].to_numpy())
    emb = layers.Embedding(lookup.vocabulary_size(), 8 if c != "station_id" else 16)(lookup(inp))
    inputs[c] = inp
    encoded.append(layers.Flatten()(emb))
num_in = keras.Input(shape=(len(cfg["numeric"]),), name="numeric")
inputs["numeric"] = num_in
encoded.append(norm(num_in))

h = layers.Concatenate()(encoded)
for units in (256, 128):
    h = layers.Dense(units, activation="relu")(h)
    h = layers.Dropout(0.2)(h)
out = layers.Dense(1)(h)
model = keras.Model(inputs, out)
model.compile(optimizer=keras.optimizers.Adam(cfg["learning_rate"]), loss="huber", metrics=["mae"])

model.fit(
    x_tr, y_tr,
    validation_data=(x_va, y_va),
    batch_size=cfg["batch_size"],
    epochs=cfg["epochs"],
    callbacks=[keras.callbacks.EarlyStopping(patience=cfg["patience"], restore_best_weights=True)],
    verbose=2,
)

pred_s = np.expm1(model.predict(x_te, batch_size=4096).ravel())
true_s = np.expm1(y_te)
print(f"test MAE  {np.mean(np.abs(pred_s - true_s)):.1f} s")
print(f"test P90 abs err {np.percentile(np.abs(pred_s - true_s), 90):.1f} s")
print(f"median-dwell baseline MAE {np.mean(np.abs(np.median(np.expm1(y_tr)) - true_s)):.1f} s")
model.save("dwell_model.keras")
