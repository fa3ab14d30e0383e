import os

import numpy as np
import tensorflow as tf
import wandb
import yaml
from sklearn.metrics import roc_auc_score, roc_curve
from sklearn.model_selection import train_test_split
from tensorflow import keras
from tensorflow.keras import layers
from wandb.integration.keras import WandbMetricsLogger

from jetimages import load, normalise_images, plot_average_images

cfg = yaml.safe_load(open("config.yaml"))
keras.utils.set_random_seed(cfg["seed"])

run = wandb.init(
    project=cfg["wandb"]["project"],
    entity=cfg["wandb"]["entity"],
    tags=cfg["wandb"]["tags"],
    config={k: v for k, v in cfg.items() if k != "wandb"},
    mode=os.environ.get("WANDB_MODE", "online"),
)

images, labels = load(cfg["data"])
images = normalise_images(images)
wandb.log({"average_jet_images": wandb.Image(plot_average_images(images, labels))})

X = images[..., None]
X_train, X_test, y_train, y_test = train_test_split(
    X, labels, test_size=cfg["test_fraction"], stratify=labels, random_state=cfg["seed"])
X_train, X_val, y_train, y_val = train_test_split(
    X_train, y_train, test_size=cfg["val_fraction"], stratify=y_train, random_state=cfg["seed"])

model = keras.Sequential([
    keras.Input(shape=(25, 25, 1)),
    layers.Conv2D(32, 5, padding="same", activation="relu"),
    layers.MaxPooling2D(2),
    layers.Conv2D(64, 3, padding="same", activation="relu"),
    layers.MaxPooling2D(2),
    layers.Conv2D(64, 3, padding="same", activation="relu"),
    layers.Flatten(),
    layers.Dense(128, activation="relu"),
    layers.Dropout(0.5),
    layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer=keras.optimizers.Adam(cfg["lr"]), loss="binary_crossentropy",
              metrics=[keras.metrics.AUC(name="auc")])
model.fit(
    X_train, y_train,
    validation_data=(X_val, y_val),
    batch_size=cfg["batch_size"], epochs=cfg["epochs"],
    callbacks=[
        keras.callbacks.EarlyStopping(monitor="val_auc", mode="max", patience=6, restore_best_weights=True),
        WandbMetricsLogger(),
    ],
)

p = model.predict(X_test, batch_size=2048).ravel()
fpr, tpr, _ = roc_curve(y_test, p)
rej50 = 1.0 / max(fpr[np.searchsorted(tpr, 0.5)], 1e-6)
wandb.summary.update({"test_auc": roc_auc_score(y_test, p), "test_rejection_at_50": rej50})
print(f"test AUC {roc_auc_score(y_test, p):.4f}   QCD rejection @ 50% W eff: {rej50:.1f}")
model.save("wjet_cnn.keras")
run.finish()
