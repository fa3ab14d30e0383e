"""Train a small VGG-style CNN on CIFAR-10 with Keras.

Usage: python train_cifar10.py --epochs 60 --batch-size 128
"""
import argparse
import os

import numpy as np
import tensorflow as tf
from sklearn.metrics import classification_report, confusion_matrix
from tensorflow import keras
from tensorflow.keras import layers

CLASS_NAMES = ["airplane", "automobile", "bird", "cat", "deer",
               "dog", "frog", "horse", "ship", "truck"]


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--epochs", type=int, default=60)
    p.add_argument("--batch-size", type=int, default=128)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--out-dir", default="artifacts")
    p.add_argument("--seed", type=int, default=42)
    return p.parse_args()


def conv_block(x, filters, dropout):
    x = layers.Conv2D(filters, 3, padding="same", use_bias=False)(x)
    x = layers.BatchNormalization()(x)
    x = layers.Activation("relu")(x)
    x = layers.Conv2D(filters, 3, padding="same", use_bias=False)(x)
    x = layers.BatchNormalization()(x)
    x = layers.Activation("relu")(x)
    x = layers.MaxPooling2D()(x)
    return layers.Dropout(dropout)(x)


def build_model():
    augment = keras.Sequential([
        layers.RandomFlip("horizontal"),
        layers.RandomTranslation(0.1, 0.1),
    ], name="augment")
    inputs = keras.Input(shape=(32, 32, 3))
    x = augment(inputs)
    x = conv_block(x, 32, 0.2)
    x = conv_block(x, 64, 0.3)
    x = conv_block(x, 128, 0.4)
    x = layers.GlobalAveragePooling2D()(x)
    x = layers.Dense(128, activation="relu")(x)
    x = layers.Dropout(0.5)(x)
    outputs = layers.Dense(10, activation="softmax")(x)
    return keras.Model(inputs, outputs, name="vgg_small")


def main():
    args = parse_args()
    tf.keras.utils.set_random_seed(args.seed)
    os.makedirs(args.out_dir, exist_ok=True)

    (x_train, y_train), (x_test, y_test) = keras.datasets.cifar10.load_data()
    x_train = x_train.astype("float32") / 255.0
    x_test = x_test.astype("float32") / 255.0
    y_train = y_train.ravel()
    y_test = y_test.ravel()
    print("train:", x_train.shape, "test:", x_test.shape)

    model = build_model()
    model.compile(
        optimizer=keras.optimizers.Adam(args.lr),
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
    )

    callbacks = [
        keras.callbacks.ReduceLROnPlateau(monitor="val_loss", factor=0.5, patience=4, min_lr=1e-5),
        keras.callbacks.EarlyStopping(monitor="val_accuracy", patience=10, restore_best_weights=True),
        keras.callbacks.ModelCheckpoint(os.path.join(args.out_dir, "best.keras"),
                                        monitor="val_accuracy", save_best_only=True),
        keras.callbacks.CSVLogger(os.path.join(args.out_dir, "history.csv")),
    ]

    history = model.fit(
        x_train, y_train,
        batch_size=args.batch_size,
        epochs=args.epochs,
        validation_data=(x_test, y_test),
        callbacks=callbacks,
        verbose=2,
    )
    best_epoch = int(np.argmax(history.history["val_accuracy"])) + 1
    print(f"best epoch: {best_epoch}")

    test_loss, test_acc = model.evaluate(x_test, y_test, verbose=0)
    print(f"test loss {test_loss:.4f}  test acc {test_acc:.4f}")

    y_pred = model.predict(x_test, batch_size=512).argmax(axis=1)
    print(classification_report(y_test, y_pred, target_names=CLASS_NAMES, digits=3))
    print(confusion_matrix(y_test, y_pred))

    model.save(os.path.join(args.out_dir, "vgg_small_final.keras"))


if __name__ == "__main__":
    main()
