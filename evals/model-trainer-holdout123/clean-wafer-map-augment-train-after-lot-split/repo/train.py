import numpy as np
import yaml
from sklearn.metrics import classification_report, f1_score
from tensorflow import keras

from prepare_data import CLASSES


def to_input(X):
    # WM-811K encoding: 0 = outside wafer, 1 = pass die, 2 = fail die
    return (X.astype("float32") / 2.0)[..., None]


def build(size, n_classes):
    m = keras.Sequential([keras.Input((size, size, 1))])
    for f in (32, 64, 128):
        m.add(keras.layers.Conv2D(f, 3, padding="same", activation="relu"))
        m.add(keras.layers.BatchNormalization())
        m.add(keras.layers.MaxPooling2D())
    m.add(keras.layers.GlobalAveragePooling2D())
    m.add(keras.layers.Dropout(0.4))
    m.add(keras.layers.Dense(n_classes, activation="softmax"))
    return m


def main():
    cfg = yaml.safe_load(open("config.yaml"))
    keras.utils.set_random_seed(cfg["seed"])
    d = np.load(cfg["out_npz"])
    X_tr, X_va, X_te = to_input(d["X_train"]), to_input(d["X_val"]), to_input(d["X_test"])
    y_tr, y_va, y_te = d["y_train"], d["y_val"], d["y_test"]

    model = build(cfg["map_size"], len(CLASSES))
    model.compile(keras.optimizers.Adam(cfg["lr"]), loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    model.fit(X_tr, y_tr, validation_data=(X_va, y_va), batch_size=cfg["batch_size"], epochs=cfg["epochs"],
              shuffle=True,
              callbacks=[keras.callbacks.EarlyStopping(patience=8, restore_best_weights=True),
                         keras.callbacks.ReduceLROnPlateau(patience=4, factor=0.3)])

    pred = model.predict(X_te, batch_size=512).argmax(1)
    print(classification_report(y_te, pred, target_names=CLASSES, digits=3))
    print("macro F1:", round(f1_score(y_te, pred, average="macro"), 4))
    model.save("wm811k_cnn.keras")


if __name__ == "__main__":
    main()
