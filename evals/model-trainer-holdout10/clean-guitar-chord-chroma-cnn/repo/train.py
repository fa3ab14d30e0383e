"""python train.py --config config.json"""
import argparse
import json
from pathlib import Path

import numpy as np
from sklearn.metrics import accuracy_score, classification_report, f1_score
from tensorflow import keras
from tensorflow.keras import layers

from chordnet.data import CHORDS, load_clips, split_by_player, template_baseline
from chordnet.model import build_model


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.json")
    cfg = json.load(open(ap.parse_args().config))
    keras.utils.set_random_seed(cfg["seed"])
    out = Path(cfg["out_dir"])
    out.mkdir(parents=True, exist_ok=True)

    X, y, players = load_clips(cfg)
    (X_tr, y_tr), (X_va, y_va), (X_te, y_te) = split_by_player(X, y, players, cfg)
    print(f"train {len(y_tr)}  val {len(y_va)}  test {len(y_te)} clips")

    norm = layers.Normalization(axis=-1)
    norm.adapt(X_tr)                      # per-pitch-class mean/var from training clips only

    model = build_model(cfg["n_frames"], norm)
    model.compile(optimizer=keras.optimizers.Adam(cfg["lr"]),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    model.fit(
        X_tr, y_tr,
        validation_data=(X_va, y_va),
        epochs=cfg["epochs"],
        batch_size=cfg["batch_size"],
        callbacks=[
            keras.callbacks.EarlyStopping(monitor="val_loss", patience=cfg["patience"], restore_best_weights=True),
            keras.callbacks.ModelCheckpoint(str(out / "best.keras"), monitor="val_loss", save_best_only=True),
            keras.callbacks.CSVLogger(str(out / "history.csv")),
        ],
    )

    # single final evaluation on the held-out players
    best = keras.models.load_model(out / "best.keras")
    pred = best.predict(X_te, batch_size=256).argmax(axis=1)
    base = template_baseline(X_te)
    for name, p in [("triad templates", base), ("chroma CNN", pred)]:
        print(f"{name:16s} acc {accuracy_score(y_te, p):.3f}  macro-F1 {f1_score(y_te, p, average='macro'):.3f}")
    print(classification_report(y_te, pred, labels=list(range(24)), target_names=CHORDS, zero_division=0))


if __name__ == "__main__":
    main()
