"""Two-stage protocol:
1. fit on train, monitor val AUC -> number of epochs
2. re-fit from scratch on train+val for that many epochs, evaluate on test
"""
import argparse
import json

import numpy as np
import pandas as pd
import tensorflow as tf
from tensorflow import keras
from sklearn.metrics import roc_auc_score, confusion_matrix

from pipeline import build_model, class_weights, load_splits, make_ds


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--max-epochs", type=int, default=40)
    args = ap.parse_args()
    tf.keras.utils.set_random_seed(args.seed)

    train, val, test = load_splits(args.seed)
    print(f"train {len(train)} / val {len(val)} / test {len(test)} images")

    # stage 1
    model = build_model()
    es = keras.callbacks.EarlyStopping(monitor="val_auc", mode="max", patience=6, restore_best_weights=True)
    hist = model.fit(make_ds(train, True, args.seed), validation_data=make_ds(val, False, args.seed),
                     epochs=args.max_epochs, class_weight=class_weights(train["y"]), callbacks=[es], verbose=2)
    best_epochs = int(np.argmax(hist.history["val_auc"])) + 1
    print("best epoch count on val:", best_epochs, "val AUC", max(hist.history["val_auc"]))

    # stage 2
    keras.backend.clear_session()
    tf.keras.utils.set_random_seed(args.seed)
    full = pd.concat([train, val])
    final = build_model()
    final.fit(make_ds(full, True, args.seed), epochs=best_epochs, class_weight=class_weights(full["y"]), verbose=2)

    p = final.predict(make_ds(test, False, args.seed)).ravel()
    y = test["y"].to_numpy()
    tn, fp, fn, tp = confusion_matrix(y, (p >= 0.5).astype(int)).ravel()
    report = {"test_auc": float(roc_auc_score(y, p)), "sens@0.5": tp / (tp + fn), "spec@0.5": tn / (tn + fp),
              "epochs": best_epochs}
    print(json.dumps(report, indent=2))
    final.save("effb2_ham_malignant_final.keras")


if __name__ == "__main__":
    main()
