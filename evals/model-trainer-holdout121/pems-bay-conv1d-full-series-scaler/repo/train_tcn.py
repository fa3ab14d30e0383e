"""
PEMS-BAY 5-min speed forecasting, 1D dilated conv (TCN-style) in Keras.
12 steps in -> 12 steps out for all 325 sensors. Split 70/10/20 in time.
"""
import numpy as np
import pandas as pd
import tensorflow as tf
from sklearn.preprocessing import MinMaxScaler
from tensorflow import keras
from tensorflow.keras import layers

IN_STEPS, OUT_STEPS = 12, 12

speeds = pd.read_hdf("data/pems-bay.h5")           # (52116, 325)
speeds = speeds.replace(0.0, np.nan).ffill().bfill()  # sensor dropouts
tod = (speeds.index.hour * 60 + speeds.index.minute) / 1440.0

scaler = MinMaxScaler()
values = scaler.fit_transform(speeds.values).astype("float32")
values = np.concatenate([values, np.asarray(tod, dtype="float32")[:, None]], axis=1)
n_sensors = speeds.shape[1]


def windows(arr):
    X, Y = [], []
    for t in range(IN_STEPS, len(arr) - OUT_STEPS + 1):
        X.append(arr[t - IN_STEPS:t])
        Y.append(arr[t:t + OUT_STEPS, :n_sensors])
    return np.stack(X), np.stack(Y)


n = len(values)
i_tr, i_va = int(0.7 * n), int(0.8 * n)
X_tr, y_tr = windows(values[:i_tr])
X_va, y_va = windows(values[i_tr:i_va])
X_te, y_te = windows(values[i_va:])
print(X_tr.shape, X_va.shape, X_te.shape)


def build_model():
    inp = keras.Input(shape=(IN_STEPS, n_sensors + 1))
    x = inp
    for d in (1, 2, 4):
        h = layers.Conv1D(256, 3, padding="causal", dilation_rate=d, activation="relu")(x)
        h = layers.Dropout(0.2)(h)
        x = layers.Conv1D(256, 1)(x) if x.shape[-1] != 256 else x
        x = layers.Add()([x, h])
    x = layers.Lambda(lambda t: t[:, -1, :])(x)
    x = layers.Dense(512, activation="relu")(x)
    out = layers.Dense(OUT_STEPS * n_sensors)(x)
    out = layers.Reshape((OUT_STEPS, n_sensors))(out)
    return keras.Model(inp, out)


model = build_model()
model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="mae")
model.fit(
    X_tr, y_tr,
    validation_data=(X_va, y_va),
    epochs=60,
    batch_size=64,
    callbacks=[
        keras.callbacks.EarlyStopping(monitor="val_loss", patience=8, restore_best_weights=True),
        keras.callbacks.ReduceLROnPlateau(monitor="val_loss", factor=0.5, patience=3),
    ],
)

pred = model.predict(X_te, batch_size=256)
# back to mph
scale, offset = scaler.data_max_ - scaler.data_min_, scaler.data_min_
pred_mph = pred * scale + offset
true_mph = y_te * scale + offset
for h in (2, 5, 11):
    mae = np.mean(np.abs(pred_mph[:, h] - true_mph[:, h]))
    print(f"horizon {5 * (h + 1):2d} min  MAE {mae:.3f} mph")
model.save("pems_bay_tcn.keras")
