import json
import sys
from pathlib import Path

import numpy as np
import tensorflow as tf
from sklearn.metrics import classification_report, cohen_kappa_score, f1_score

from model import build_classifier


def load_split(root, split, cfg, shuffle):
    return tf.keras.utils.image_dataset_from_directory(
        Path(root) / split,
        image_size=(cfg["image_size"], cfg["image_size"]),
        batch_size=cfg["batch_size"],
        label_mode="int",
        shuffle=shuffle,
        seed=cfg["seed"],
    )


def main(config_path):
    cfg = json.loads(Path(config_path).read_text())
    tf.keras.utils.set_random_seed(cfg["seed"])

    train_ds = load_split(cfg["data_root"], "train", cfg, shuffle=True)
    test_ds = load_split(cfg["data_root"], "test", cfg, shuffle=False)
    class_names = train_ds.class_names
    train_ds = train_ds.prefetch(tf.data.AUTOTUNE)
    test_ds = test_ds.cache().prefetch(tf.data.AUTOTUNE)

    model = build_classifier(cfg["image_size"], len(class_names), cfg["backbone"], cfg["dropout"])
    model.compile(
        optimizer=tf.keras.optimizers.AdamW(cfg["learning_rate"], weight_decay=cfg["weight_decay"]),
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
    )
    callbacks = [
        tf.keras.callbacks.EarlyStopping(monitor="val_accuracy", patience=cfg["patience"],
                                         restore_best_weights=True),
        tf.keras.callbacks.ModelCheckpoint(cfg["checkpoint"], monitor="val_accuracy",
                                           save_best_only=True),
        tf.keras.callbacks.ReduceLROnPlateau(monitor="val_loss", factor=0.5, patience=3),
        tf.keras.callbacks.CSVLogger(cfg["log_csv"]),
    ]
    history = model.fit(train_ds, validation_data=test_ds, epochs=cfg["epochs"],
                        callbacks=callbacks)
    print("best val_accuracy:", max(history.history["val_accuracy"]))

    y_true = np.concatenate([y.numpy() for _, y in test_ds])
    y_prob = model.predict(test_ds)
    y_pred = y_prob.argmax(axis=1)
    print(f"test accuracy: {(y_pred == y_true).mean():.4f}")
    print(f"test macro F1: {f1_score(y_true, y_pred, average='macro'):.4f}")
    print(f"test kappa:    {cohen_kappa_score(y_true, y_pred):.4f}")
    print(classification_report(y_true, y_pred, target_names=class_names, digits=3))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "config.json")
