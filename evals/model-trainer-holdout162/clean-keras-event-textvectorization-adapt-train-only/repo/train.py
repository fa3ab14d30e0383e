import argparse

import numpy as np
import tensorflow as tf
from sklearn.metrics import average_precision_score, roc_auc_score
from tensorflow import keras

from data import load_user_docs, split_by_install_date
from model import build


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--valid-from", default="2024-05-01")
    ap.add_argument("--test-from", default="2024-05-15")
    ap.add_argument("--max-tokens", type=int, default=400)
    ap.add_argument("--seq-len", type=int, default=300)
    ap.add_argument("--seed", type=int, default=5)
    args = ap.parse_args()
    keras.utils.set_random_seed(args.seed)

    users = load_user_docs()
    train, valid, test = split_by_install_date(users, args.valid_from, args.test_from)
    print(len(train), len(valid), len(test))

    vec = keras.layers.TextVectorization(
        max_tokens=args.max_tokens,
        standardize=None,
        split="whitespace",
        output_mode="int",
        output_sequence_length=args.seq_len,
    )
    vec.adapt(tf.data.Dataset.from_tensor_slices(train["events"].to_numpy()).batch(2048))

    def ds(df, shuffle=False):
        d = tf.data.Dataset.from_tensor_slices((df["events"].to_numpy()[:, None],
                                                df["churn_7d"].to_numpy("float32")))
        if shuffle:
            d = d.shuffle(50_000, seed=args.seed)
        return d.batch(512).prefetch(tf.data.AUTOTUNE)

    model = build(vec)
    model.fit(
        ds(train, shuffle=True),
        validation_data=ds(valid),
        epochs=20,
        callbacks=[keras.callbacks.EarlyStopping(monitor="val_pr_auc", mode="max", patience=3,
                                                 restore_best_weights=True)],
    )

    p = model.predict(ds(test)).ravel()
    y = test["churn_7d"].to_numpy()
    print(f"test ROC AUC {roc_auc_score(y, p):.4f} | PR AUC {average_precision_score(y, p):.4f} "
          f"| base {np.mean(y):.3f}")
    model.save("event_cnn_churn.keras")


if __name__ == "__main__":
    main()
