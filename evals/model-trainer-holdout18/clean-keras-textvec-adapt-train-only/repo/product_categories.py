"""Route marketplace listings to one of 12 product categories from the title + description.

A bag-of-words TF-IDF + logistic regression is the bar to beat; the Keras model uses a
TextVectorization layer (vocabulary adapted on the training texts only) and a small
embedding + 1D-conv encoder.
"""
import argparse
import json
import logging
from pathlib import Path

import pandas as pd
import tensorflow as tf
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, classification_report, f1_score
from sklearn.model_selection import train_test_split

log = logging.getLogger(__name__)


def load_frame(path):
    df = pd.read_parquet(path)
    df = df.drop_duplicates(subset=["title", "description"])
    # lower-casing / whitespace cleanup is per-row and stateless
    df["text"] = (df["title"].fillna("") + " . " + df["description"].fillna("")).str.lower().str.strip()
    return df


def tfidf_baseline(train_text, train_y, val_text, val_y, seed):
    vec = TfidfVectorizer(ngram_range=(1, 2), min_df=3, sublinear_tf=True)
    clf = LogisticRegression(C=4.0, max_iter=2000, random_state=seed)
    clf.fit(vec.fit_transform(train_text), train_y)
    pred = clf.predict(vec.transform(val_text))
    return vec, clf, {"acc": accuracy_score(val_y, pred), "macro_f1": f1_score(val_y, pred, average="macro")}


def build_model(vectorizer, n_classes, emb_dim=128, filters=192, dropout=0.4):
    text_in = tf.keras.Input(shape=(1,), dtype=tf.string)
    x = vectorizer(text_in)
    x = tf.keras.layers.Embedding(vectorizer.vocabulary_size(), emb_dim, mask_zero=False)(x)
    x = tf.keras.layers.SpatialDropout1D(0.2)(x)
    convs = [tf.keras.layers.GlobalMaxPooling1D()(tf.keras.layers.Conv1D(filters, k, activation="relu")(x))
             for k in (2, 3, 5)]
    x = tf.keras.layers.Concatenate()(convs)
    x = tf.keras.layers.Dropout(dropout)(x)
    out = tf.keras.layers.Dense(n_classes, activation="softmax")(x)
    model = tf.keras.Model(text_in, out)
    model.compile(optimizer=tf.keras.optimizers.Adam(2e-3),
                  loss="sparse_categorical_crossentropy",
                  metrics=["accuracy", tf.keras.metrics.SparseTopKCategoricalAccuracy(k=3, name="top3")])
    return model


def main(cfg):
    tf.keras.utils.set_random_seed(cfg.seed)
    df = load_frame(cfg.data)
    categories = sorted(df["category"].unique())
    y = df["category"].map({c: i for i, c in enumerate(categories)}).to_numpy()
    texts = df["text"].to_numpy()

    txt_dev, txt_test, y_dev, y_test = train_test_split(texts, y, test_size=0.15, stratify=y,
                                                        random_state=cfg.seed)
    txt_tr, txt_val, y_tr, y_val = train_test_split(txt_dev, y_dev, test_size=0.15, stratify=y_dev,
                                                    random_state=cfg.seed)

    vec, logreg, base_val = tfidf_baseline(txt_tr, y_tr, txt_val, y_val, cfg.seed)
    log.info("TF-IDF + LR baseline (val): %s", base_val)

    vectorizer = tf.keras.layers.TextVectorization(max_tokens=cfg.vocab, output_sequence_length=cfg.seq_len)
    vectorizer.adapt(tf.data.Dataset.from_tensor_slices(txt_tr).batch(1024))

    model = build_model(vectorizer, len(categories))
    out = Path(cfg.out)
    out.mkdir(parents=True, exist_ok=True)
    model.fit(
        txt_tr[:, None], y_tr,
        validation_data=(txt_val[:, None], y_val),
        epochs=cfg.epochs, batch_size=cfg.batch_size,
        callbacks=[
            tf.keras.callbacks.EarlyStopping(monitor="val_loss", patience=3, restore_best_weights=True),
            tf.keras.callbacks.ModelCheckpoint(str(out / "textcnn.keras"), monitor="val_loss", save_best_only=True),
        ],
        verbose=2,
    )

    val_pred = model.predict(txt_val[:, None], verbose=0).argmax(1)
    log.info("TextCNN (val): acc %.4f macro-F1 %.4f",
             accuracy_score(y_val, val_pred), f1_score(y_val, val_pred, average="macro"))

    # single final look at the test split: both models, no further changes afterwards
    test_pred = model.predict(txt_test[:, None], verbose=0).argmax(1)
    base_test = logreg.predict(vec.transform(txt_test))
    results = {
        "textcnn": {"acc": accuracy_score(y_test, test_pred), "macro_f1": f1_score(y_test, test_pred, average="macro")},
        "tfidf_lr": {"acc": accuracy_score(y_test, base_test), "macro_f1": f1_score(y_test, base_test, average="macro")},
    }
    print(classification_report(y_test, test_pred, target_names=categories, digits=3))
    (out / "test_results.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="data/listings.parquet")
    ap.add_argument("--vocab", type=int, default=40000)
    ap.add_argument("--seq-len", type=int, default=160)
    ap.add_argument("--epochs", type=int, default=25)
    ap.add_argument("--batch-size", type=int, default=128)
    ap.add_argument("--seed", type=int, default=2718)
    ap.add_argument("--out", default="artifacts/textcnn")
    main(ap.parse_args())
