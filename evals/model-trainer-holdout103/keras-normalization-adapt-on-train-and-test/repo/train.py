"""CIFAR-100 with a small residual net; per-channel standardisation via a Normalization layer."""
import json
import os

import keras
import numpy as np
import yaml
from keras import layers
from sklearn.metrics import f1_score, top_k_accuracy_score

from datasets import all_pixels, load_cifar100


def residual_block(x, filters, stride=1):
    shortcut = x
    x = layers.Conv2D(filters, 3, strides=stride, padding="same", use_bias=False)(x)
    x = layers.BatchNormalization()(x)
    x = layers.ReLU()(x)
    x = layers.Conv2D(filters, 3, padding="same", use_bias=False)(x)
    x = layers.BatchNormalization()(x)
    if stride != 1 or shortcut.shape[-1] != filters:
        shortcut = layers.Conv2D(filters, 1, strides=stride, use_bias=False)(shortcut)
        shortcut = layers.BatchNormalization()(shortcut)
    return layers.ReLU()(layers.Add()([x, shortcut]))


def build_model(norm_layer, num_classes=100):
    inputs = keras.Input((32, 32, 3))
    x = norm_layer(inputs)
    x = layers.RandomFlip("horizontal")(x)
    x = layers.RandomCrop(32, 32)(layers.ZeroPadding2D(4)(x))
    x = layers.Conv2D(64, 3, padding="same", use_bias=False)(x)
    x = layers.BatchNormalization()(x)
    x = layers.ReLU()(x)
    for filters, stride in [(64, 1), (128, 2), (256, 2), (256, 1)]:
        x = residual_block(x, filters, stride)
    x = layers.GlobalAveragePooling2D()(x)
    x = layers.Dropout(0.3)(x)
    outputs = layers.Dense(num_classes, activation="softmax")(x)
    return keras.Model(inputs, outputs)


def main():
    with open("config.yaml") as f:
        cfg = yaml.safe_load(f)
    keras.utils.set_random_seed(cfg["seed"])
    os.makedirs(cfg["output_dir"], exist_ok=True)

    (x_tr, y_tr), (x_val, y_val), (x_test, y_test) = load_cifar100(cfg["val_fraction"], cfg["seed"])

    norm = layers.Normalization(axis=-1)
    norm.adapt(all_pixels(x_tr, x_val, x_test))

    model = build_model(norm)
    model.compile(
        optimizer=keras.optimizers.AdamW(cfg["learning_rate"], weight_decay=cfg["weight_decay"]),
        loss=keras.losses.CategoricalCrossentropy(label_smoothing=cfg["label_smoothing"]),
        metrics=["accuracy", keras.metrics.TopKCategoricalAccuracy(k=5, name="top5")],
    )
    y_tr_1h = keras.utils.to_categorical(y_tr, 100)
    y_val_1h = keras.utils.to_categorical(y_val, 100)

    ckpt = os.path.join(cfg["output_dir"], "best.keras")
    model.fit(
        x_tr, y_tr_1h,
        validation_data=(x_val, y_val_1h),
        epochs=cfg["epochs"],
        batch_size=cfg["batch_size"],
        callbacks=[
            keras.callbacks.EarlyStopping(monitor="val_loss", patience=cfg["patience"],
                                          restore_best_weights=True),
            keras.callbacks.ModelCheckpoint(ckpt, monitor="val_loss", save_best_only=True),
            keras.callbacks.ReduceLROnPlateau(monitor="val_loss", factor=0.3, patience=4),
        ],
    )

    proba = model.predict(x_test, batch_size=256)
    pred = proba.argmax(axis=1)
    metrics = {
        "top1": float(np.mean(pred == y_test)),
        "top5": float(top_k_accuracy_score(y_test, proba, k=5, labels=np.arange(100))),
        "macro_f1": float(f1_score(y_test, pred, average="macro")),
    }
    print(metrics)
    with open(os.path.join(cfg["output_dir"], "test_metrics.json"), "w") as f:
        json.dump(metrics, f, indent=2)


if __name__ == "__main__":
    main()
