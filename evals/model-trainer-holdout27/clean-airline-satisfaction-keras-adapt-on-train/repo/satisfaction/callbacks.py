from pathlib import Path

import tensorflow as tf


def training_callbacks(tcfg) -> list:
    Path(tcfg["checkpoint"]).parent.mkdir(parents=True, exist_ok=True)
    return [
        tf.keras.callbacks.EarlyStopping(monitor="val_auc", mode="max", patience=tcfg["patience"], restore_best_weights=True),
        tf.keras.callbacks.ModelCheckpoint(tcfg["checkpoint"], monitor="val_auc", mode="max", save_best_only=True),
        tf.keras.callbacks.ReduceLROnPlateau(monitor="val_loss", factor=0.5, patience=3),
        tf.keras.callbacks.CSVLogger("checkpoints/history.csv"),
    ]
