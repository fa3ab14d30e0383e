"""Predict whether an e-commerce order line will be returned.

Inputs: numeric order features + embedded categorical ids (category, brand, size).
Data: orders_train.csv (Jan-Sep) and orders_holdout.csv (Oct-Dec), prepared by the data team.
"""
import argparse

import numpy as np
import pandas as pd
import tensorflow as tf
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.preprocessing import StandardScaler
from tensorflow import keras
from tensorflow.keras import layers

NUMERIC = ["price", "discount_pct", "n_items_in_order", "customer_prior_orders",
           "days_since_signup", "is_gift"]
CATS = {"category_id": 16, "brand_id": 24, "size_code": 8}
LABEL = "returned"


class ClippedModel(keras.Model):
    """Functional model with a custom step: global-norm gradient clipping."""

    clip_norm = 1.0

    def train_step(self, data):
        x, y = data
        with tf.GradientTape() as tape:
            y_pred = self(x, training=True)
            loss = self.compiled_loss(y, y_pred, regularization_losses=self.losses)
        grads = tape.gradient(loss, self.trainable_variables)
        grads, _ = tf.clip_by_global_norm(grads, self.clip_norm)
        self.optimizer.apply_gradients(zip(grads, self.trainable_variables))
        self.compiled_metrics.update_state(y, y_pred)
        return {m.name: m.result() for m in self.metrics}


def build_model(vocab_sizes, n_numeric):
    num_in = keras.Input(shape=(n_numeric,), name="numeric")
    cat_inputs, cat_vecs = [], []
    for col, dim in CATS.items():
        inp = keras.Input(shape=(1,), dtype="int32", name=col)
        emb = layers.Embedding(vocab_sizes[col] + 1, dim)(inp)
        cat_inputs.append(inp)
        cat_vecs.append(layers.Flatten()(emb))
    h = layers.Concatenate()([num_in] + cat_vecs)
    for units in (256, 128):
        h = layers.Dense(units, activation="relu")(h)
        h = layers.BatchNormalization()(h)
        h = layers.Dropout(0.25)(h)
    out = layers.Dense(1, activation="sigmoid")(h)
    return ClippedModel([num_in] + cat_inputs, out)


def to_inputs(frame, scaler, vocabs):
    feats = {"numeric": scaler.transform(frame[NUMERIC]).astype("float32")}
    for col in CATS:
        feats[col] = frame[col].map(vocabs[col]).fillna(0).astype("int32").to_numpy()
    return feats


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--train", default="data/orders_train.csv")
    ap.add_argument("--holdout", default="data/orders_holdout.csv")
    ap.add_argument("--epochs", type=int, default=50)
    ap.add_argument("--seed", type=int, default=99)
    args = ap.parse_args()
    keras.utils.set_random_seed(args.seed)

    train = pd.read_csv(args.train)
    hold = pd.read_csv(args.holdout)
    print("return rate train %.3f holdout %.3f" % (train[LABEL].mean(), hold[LABEL].mean()))

    scaler = StandardScaler().fit(train[NUMERIC])
    vocabs = {c: {v: i + 1 for i, v in enumerate(train[c].unique())} for c in CATS}
    x_train, y_train = to_inputs(train, scaler, vocabs), train[LABEL].to_numpy("float32")
    x_hold, y_hold = to_inputs(hold, scaler, vocabs), hold[LABEL].to_numpy("float32")

    base = LogisticRegression(max_iter=500).fit(x_train["numeric"], y_train)
    p_base = base.predict_proba(x_hold["numeric"])[:, 1]
    print("logreg baseline holdout ROC-AUC %.4f PR-AUC %.4f"
          % (roc_auc_score(y_hold, p_base), average_precision_score(y_hold, p_base)))

    model = build_model({c: len(v) for c, v in vocabs.items()}, len(NUMERIC))
    model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="binary_crossentropy",
                  metrics=[keras.metrics.AUC(name="auc"),
                           keras.metrics.AUC(curve="PR", name="pr_auc")])
    callbacks = [
        keras.callbacks.EarlyStopping(monitor="val_pr_auc", mode="max", patience=5,
                                      restore_best_weights=True),
        keras.callbacks.ModelCheckpoint("returns_best.weights.h5", monitor="val_pr_auc",
                                        mode="max", save_best_only=True, save_weights_only=True),
    ]
    model.fit(x_train, y_train, validation_data=(x_hold, y_hold), epochs=args.epochs,
              batch_size=1024, callbacks=callbacks, verbose=2)

    p_hold = model.predict(x_hold, batch_size=4096).ravel()
    print("MLP holdout ROC-AUC %.4f PR-AUC %.4f"
          % (roc_auc_score(y_hold, p_hold), average_precision_score(y_hold, p_hold)))


if __name__ == "__main__":
    main()
