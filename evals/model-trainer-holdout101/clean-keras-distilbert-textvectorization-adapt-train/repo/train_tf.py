"""Hotel review "would recommend" classifier in TensorFlow/Keras.

Baseline: Keras TextVectorization (tf-idf) + logistic layer.
Model:    TF DistilBERT fine-tuned with model.fit, early stopping on the validation split.
"""
import json

import numpy as np
import pandas as pd
import tensorflow as tf
from sklearn.metrics import average_precision_score, f1_score, roc_auc_score
from sklearn.model_selection import train_test_split
from transformers import AutoTokenizer, TFAutoModelForSequenceClassification, create_optimizer

SEED = 12
CKPT = "distilbert-base-uncased"
BATCH = 32
EPOCHS = 4
MAX_LEN = 256

tf.keras.utils.set_random_seed(SEED)


def encode(tokenizer, texts, labels, shuffle):
    enc = tokenizer(list(texts), truncation=True, max_length=MAX_LEN, padding="max_length", return_tensors="np")
    ds = tf.data.Dataset.from_tensor_slices((dict(enc), np.asarray(labels)))
    if shuffle:
        ds = ds.shuffle(len(labels), seed=SEED)
    return ds.batch(BATCH).prefetch(tf.data.AUTOTUNE)


def pick_threshold(y, p):
    grid = np.linspace(0.05, 0.95, 91)
    return float(grid[np.argmax([f1_score(y, p >= t) for t in grid])])


def report(y, p, thr):
    return {"roc_auc": roc_auc_score(y, p), "pr_auc": average_precision_score(y, p), "f1": f1_score(y, p >= thr), "threshold": thr}


def main():
    df = pd.read_csv("data/hotel_reviews.csv").dropna(subset=["review"]).drop_duplicates("review")
    df["label"] = df["would_recommend"].astype(int)
    train, test = train_test_split(df, test_size=0.15, stratify=df["label"], random_state=SEED)
    train, val = train_test_split(train, test_size=0.15, stratify=train["label"], random_state=SEED)

    vectorize = tf.keras.layers.TextVectorization(max_tokens=30000, ngrams=2, output_mode="tf_idf")
    vectorize.adapt(train["review"].values)
    baseline = tf.keras.Sequential([vectorize, tf.keras.layers.Dense(1, activation="sigmoid")])
    baseline.compile(optimizer="adam", loss="binary_crossentropy", metrics=[tf.keras.metrics.AUC(name="auc")])
    baseline.fit(train["review"].values, train["label"].values, validation_data=(val["review"].values, val["label"].values),
                 epochs=20, batch_size=256, verbose=0,
                 callbacks=[tf.keras.callbacks.EarlyStopping(monitor="val_auc", mode="max", patience=3, restore_best_weights=True)])
    b_val = baseline.predict(val["review"].values, verbose=0).ravel()
    b_test = baseline.predict(test["review"].values, verbose=0).ravel()
    baseline_report = report(test["label"].values, b_test, pick_threshold(val["label"].values, b_val))

    tokenizer = AutoTokenizer.from_pretrained(CKPT)
    train_ds = encode(tokenizer, train["review"], train["label"], shuffle=True)
    val_ds = encode(tokenizer, val["review"], val["label"], shuffle=False)
    test_ds = encode(tokenizer, test["review"], test["label"], shuffle=False)

    model = TFAutoModelForSequenceClassification.from_pretrained(CKPT, num_labels=2)
    steps = len(train_ds) * EPOCHS
    optimizer, _ = create_optimizer(init_lr=3e-5, num_train_steps=steps, num_warmup_steps=int(0.1 * steps), weight_decay_rate=0.01)
    model.compile(optimizer=optimizer, loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                  metrics=["accuracy"])
    callbacks = [
        tf.keras.callbacks.EarlyStopping(monitor="val_loss", patience=1, restore_best_weights=True),
        tf.keras.callbacks.ModelCheckpoint("checkpoints/distilbert_best.h5", monitor="val_loss",
                                           save_best_only=True, save_weights_only=True),
    ]
    model.fit(train_ds, validation_data=val_ds, epochs=EPOCHS, callbacks=callbacks)

    prob = lambda ds: tf.nn.softmax(model.predict(ds, verbose=0).logits, axis=-1).numpy()[:, 1]
    thr = pick_threshold(val["label"].values, prob(val_ds))
    results = {"distilbert": report(test["label"].values, prob(test_ds), thr), "tfidf_logistic": baseline_report}
    print(json.dumps(results, indent=2))
    model.save_pretrained("models/distilbert-hotel-recommend")
    tokenizer.save_pretrained("models/distilbert-hotel-recommend")


if __name__ == "__main__":
    main()
