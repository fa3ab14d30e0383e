import json

import numpy as np
import tensorflow as tf
from sklearn.metrics import mean_absolute_error

from prep import FEATURES, load_plant, scale_split, windows

LOOKBACK, HORIZON = 72, 36
SEED = 99

tf.keras.utils.set_random_seed(SEED)

df = load_plant("data/aarhus_nord_heat.csv", "data/dmi_harmonie_fc.csv", "data/dk_holidays.csv")
parts = {
    "train": df.loc[:"2021-09-30"],
    "val": df.loc["2021-10-01":"2022-04-30"],
    "test": df.loc["2022-05-01":],
}
scaled = {name: scale_split(part) for name, part in parts.items()}
data = {name: windows(arr, LOOKBACK, HORIZON) for name, (arr, _) in scaled.items()}
for name, (xh, xf, y) in data.items():
    print(f"{name:5s} {parts[name].index.min():%Y-%m-%d}..{parts[name].index.max():%Y-%m-%d}  {len(y)} windows")

hist_in = tf.keras.Input(shape=(LOOKBACK, len(FEATURES)), name="history")
fut_in = tf.keras.Input(shape=(HORIZON, 3), name="weather_forecast")
h = tf.keras.layers.GRU(64, dropout=0.1)(hist_in)
f = tf.keras.layers.Flatten()(fut_in)
z = tf.keras.layers.Concatenate()([h, f])
z = tf.keras.layers.Dense(128, activation="relu")(z)
z = tf.keras.layers.Dropout(0.2)(z)
out = tf.keras.layers.Dense(HORIZON)(z)
model = tf.keras.Model([hist_in, fut_in], out)
model.compile(optimizer=tf.keras.optimizers.Adam(1e-3), loss="mae")

xh, xf, y = data["train"]
vh, vf, vy = data["val"]
model.fit(
    [xh, xf], y,
    validation_data=([vh, vf], vy),
    epochs=50, batch_size=64,
    callbacks=[
        tf.keras.callbacks.EarlyStopping(patience=6, restore_best_weights=True),
        tf.keras.callbacks.ReduceLROnPlateau(factor=0.5, patience=3),
    ],
    verbose=2,
)

th, tf_, ty = data["test"]
test_scaler = scaled["test"][1]
mu, sd = test_scaler.mean_[0], test_scaler.scale_[0]
pred_mwh = model.predict([th, tf_], verbose=0) * sd + mu
true_mwh = ty * sd + mu

mae = mean_absolute_error(true_mwh.ravel(), pred_mwh.ravel())
mae_by_lead = np.abs(pred_mwh - true_mwh).mean(axis=0)
print(f"test MAE {mae:.2f} MWh  (lead 1h {mae_by_lead[0]:.2f}, lead 36h {mae_by_lead[-1]:.2f})")
with open("metrics.json", "w") as fh:
    json.dump({"test_mae_mwh": float(mae), "mae_by_lead": mae_by_lead.round(3).tolist()}, fh, indent=2)
model.save("gru_heat_36h.keras")
