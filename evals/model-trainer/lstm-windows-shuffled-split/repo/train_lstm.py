import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import MinMaxScaler
from tensorflow import keras

WINDOW = 48
HORIZON = 1
keras.utils.set_random_seed(1234)


def make_windows(series: np.ndarray, window: int, horizon: int):
    xs, ys = [], []
    for start in range(len(series) - window - horizon + 1):
        xs.append(series[start : start + window])
        ys.append(series[start + window + horizon - 1, 0])
    return np.stack(xs), np.array(ys)


readings = pd.read_csv("data/turbine_temperature.csv", parse_dates=["ts"]).set_index("ts")
values = readings[["bearing_temp", "ambient_temp", "rpm"]].to_numpy(dtype="float32")

scaler = MinMaxScaler()
values = scaler.fit_transform(values)

X, y = make_windows(values, WINDOW, HORIZON)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=1234)

model = keras.Sequential([
    keras.layers.Input(shape=(WINDOW, X.shape[2])),
    keras.layers.LSTM(64),
    keras.layers.Dropout(0.2),
    keras.layers.Dense(1),
])
model.compile(optimizer="adam", loss="mse", metrics=["mae"])
model.fit(
    X_train,
    y_train,
    validation_split=0.1,
    epochs=100,
    batch_size=128,
    callbacks=[
        keras.callbacks.EarlyStopping(patience=8, restore_best_weights=True),
        keras.callbacks.ModelCheckpoint("checkpoints/lstm.keras", save_best_only=True),
    ],
)

pred = model.predict(X_test).ravel()
print("test MAE (scaled)", mean_absolute_error(y_test, pred))
print("persistence MAE (scaled)", mean_absolute_error(y_test, X_test[:, -1, 0]))
