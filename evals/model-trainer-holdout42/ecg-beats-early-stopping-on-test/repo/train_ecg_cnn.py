"""1D-CNN heartbeat classifier (AAMI classes N/S/V/F/Q) on MIT-BIH, inter-patient protocol."""
import json
from pathlib import Path

import numpy as np
import tensorflow as tf
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report, f1_score, roc_auc_score
from sklearn.utils.class_weight import compute_class_weight

SEED = 1234
AAMI = ["N", "S", "V", "F", "Q"]
# de Chazal inter-patient split: DS1 records for training, DS2 records for testing
DS1 = [101, 106, 108, 109, 112, 114, 115, 116, 118, 119, 122, 124, 201, 203, 205, 207, 208, 209, 215, 220, 223, 230]
DS2 = [100, 103, 105, 111, 113, 117, 121, 123, 200, 202, 210, 212, 213, 214, 219, 221, 222, 228, 231, 232, 233, 234]


def load_beats(records, beat_dir=Path("data/mitbih_beats")):
    xs, ys = [], []
    for rec in records:
        arr = np.load(beat_dir / f"{rec}.npz")
        xs.append(arr["beats"])
        ys.append(arr["aami_label"])
    X = np.concatenate(xs).astype("float32")
    # per-beat z-normalisation
    X = (X - X.mean(axis=1, keepdims=True)) / (X.std(axis=1, keepdims=True) + 1e-6)
    return X[..., None], np.concatenate(ys).astype("int64")


def build_model(length, n_classes):
    inp = tf.keras.Input(shape=(length, 1))
    x = inp
    for filters, k in [(32, 7), (64, 5), (128, 5), (128, 3)]:
        x = tf.keras.layers.Conv1D(filters, k, padding="same", use_bias=False)(x)
        x = tf.keras.layers.BatchNormalization()(x)
        x = tf.keras.layers.ReLU()(x)
        x = tf.keras.layers.MaxPooling1D(2)(x)
    x = tf.keras.layers.GlobalAveragePooling1D()(x)
    x = tf.keras.layers.Dropout(0.4)(x)
    out = tf.keras.layers.Dense(n_classes, activation="softmax")(x)
    model = tf.keras.Model(inp, out)
    model.compile(
        optimizer=tf.keras.optimizers.Adam(1e-3),
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
    )
    return model


def main():
    tf.keras.utils.set_random_seed(SEED)
    X_train, y_train = load_beats(DS1)
    X_test, y_test = load_beats(DS2)
    print("train class counts", np.bincount(y_train, minlength=5), "test class counts", np.bincount(y_test, minlength=5))

    present = np.unique(y_train)
    weights = compute_class_weight("balanced", classes=present, y=y_train)
    class_weight = {int(c): float(w) for c, w in zip(present, weights)}

    baseline = LogisticRegression(max_iter=500, class_weight="balanced")
    baseline.fit(X_train[:, ::4, 0], y_train)
    base_pred = baseline.predict(X_test[:, ::4, 0])

    model = build_model(X_train.shape[1], len(AAMI))
    callbacks = [
        tf.keras.callbacks.EarlyStopping(monitor="val_loss", patience=8, restore_best_weights=True),
        tf.keras.callbacks.ReduceLROnPlateau(monitor="val_loss", factor=0.5, patience=3),
        tf.keras.callbacks.ModelCheckpoint("checkpoints/ecg_cnn.keras", monitor="val_loss", save_best_only=True),
    ]
    history = model.fit(
        X_train, y_train,
        validation_data=(X_test, y_test),
        epochs=80,
        batch_size=256,
        class_weight=class_weight,
        callbacks=callbacks,
        verbose=2,
    )

    proba = model.predict(X_test, batch_size=1024)
    y_pred = proba.argmax(axis=1)
    results = {
        "epochs_run": len(history.history["loss"]),
        "logreg_macro_f1": f1_score(y_test, base_pred, average="macro"),
        "cnn_macro_f1": f1_score(y_test, y_pred, average="macro"),
        "cnn_macro_auroc": roc_auc_score(y_test, proba, multi_class="ovr", average="macro", labels=list(range(5))),
    }
    print(json.dumps(results, indent=2))
    print(classification_report(y_test, y_pred, labels=list(range(5)), target_names=AAMI, digits=3, zero_division=0))


if __name__ == "__main__":
    main()
