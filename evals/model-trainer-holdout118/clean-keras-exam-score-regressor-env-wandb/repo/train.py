import json
import os

import numpy as np
import tensorflow as tf
import wandb
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from wandb.keras import WandbMetricsLogger

from data import load, unscale

with open("config.json") as f:
    cfg = json.load(f)

tf.keras.utils.set_random_seed(cfg["seed"])

if not os.environ.get("WANDB_API_KEY"):
    print("WANDB_API_KEY not set, logging offline")
    cfg["wandb"]["mode"] = "offline"
run = wandb.init(project=cfg["wandb"]["project"], entity=cfg["wandb"]["entity"],
                 mode=cfg["wandb"]["mode"], config=cfg)

X_train, y_train, X_test, y_test, y_stats = load(cfg)

layers = [tf.keras.Input(shape=(X_train.shape[1],))]
for units in cfg["hidden_units"]:
    layers += [tf.keras.layers.Dense(units, activation="relu"), tf.keras.layers.Dropout(cfg["dropout"])]
layers.append(tf.keras.layers.Dense(1))
model = tf.keras.Sequential(layers)
model.compile(optimizer=tf.keras.optimizers.Adam(cfg["learning_rate"]), loss="mse", metrics=["mae"])

history = model.fit(
    X_train, y_train,
    validation_split=cfg["val_fraction"],
    epochs=cfg["epochs"],
    batch_size=cfg["batch_size"],
    callbacks=[
        tf.keras.callbacks.EarlyStopping(monitor="val_loss", patience=cfg["patience"], restore_best_weights=True),
        tf.keras.callbacks.ReduceLROnPlateau(monitor="val_loss", factor=0.5, patience=8),
        WandbMetricsLogger(),
    ],
    verbose=0,
)
print(f"stopped after {len(history.history['loss'])} epochs, best val_loss {min(history.history['val_loss']):.4f}")

pred = unscale(model.predict(X_test, verbose=0), y_stats)
metrics = {
    "test_mae": float(mean_absolute_error(y_test, pred)),
    "test_rmse": float(np.sqrt(mean_squared_error(y_test, pred))),
    "test_r2": float(r2_score(y_test, pred)),
}
print(metrics)
run.summary.update(metrics)
model.save("artifacts/exam_mlp.keras")
run.finish()
