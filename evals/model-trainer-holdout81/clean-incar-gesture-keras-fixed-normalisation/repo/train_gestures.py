import json

import numpy as np
import pandas as pd
import tensorflow as tf
from sklearn.dummy import DummyClassifier
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import StratifiedGroupKFold

from gestures.model import build_model
from gestures.preprocess import normalise_clips, temporal_subsample


def main():
    cfg = json.load(open("config.json"))
    tf.keras.utils.set_random_seed(cfg["seed"])

    meta = pd.read_csv(cfg["meta"])  # row-aligned: driver_id, session, gesture
    classes = sorted(meta.gesture.unique())
    y = meta.gesture.map({c: i for i, c in enumerate(classes)}).to_numpy()
    drivers = meta.driver_id.to_numpy()

    clips = np.load(cfg["clips"])
    X = normalise_clips(temporal_subsample(clips, cfg["frames"]))
    del clips

    outer = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=cfg["seed"])
    dev_idx, test_idx = next(outer.split(X, y, drivers))
    inner = StratifiedGroupKFold(n_splits=5, shuffle=True, random_state=cfg["seed"])
    tr_rel, va_rel = next(inner.split(X[dev_idx], y[dev_idx], drivers[dev_idx]))
    tr_idx, va_idx = dev_idx[tr_rel], dev_idx[va_rel]
    print({k: len(v) for k, v in [("train", tr_idx), ("val", va_idx), ("test", test_idx)]})

    model = build_model(cfg["frames"], cfg["size"], len(classes), cfg["lr"])
    callbacks = [
        tf.keras.callbacks.EarlyStopping(monitor="val_loss", patience=cfg["patience"], restore_best_weights=True),
        tf.keras.callbacks.ModelCheckpoint(cfg["checkpoint"], monitor="val_loss", save_best_only=True),
        tf.keras.callbacks.ReduceLROnPlateau(monitor="val_loss", factor=0.3, patience=3),
    ]
    model.fit(X[tr_idx], y[tr_idx], validation_data=(X[va_idx], y[va_idx]),
              epochs=cfg["epochs"], batch_size=cfg["batch_size"], callbacks=callbacks)

    dummy = DummyClassifier(strategy="most_frequent").fit(np.zeros((len(tr_idx), 1)), y[tr_idx])
    dummy_pred = dummy.predict(np.zeros((len(test_idx), 1)))
    pred = model.predict(X[test_idx], batch_size=32).argmax(1)
    results = {
        "dummy": {"acc": accuracy_score(y[test_idx], dummy_pred),
                  "macro_f1": f1_score(y[test_idx], dummy_pred, average="macro")},
        "r2plus1d_small": {"acc": accuracy_score(y[test_idx], pred),
                           "macro_f1": f1_score(y[test_idx], pred, average="macro")},
    }
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
