"""Intent classifier for the banking assistant: TF-IDF bag-of-bigrams + small MLP (Keras)."""
import json
import os
from pathlib import Path

import numpy as np
import pandas as pd
import tensorflow as tf
from sklearn.dummy import DummyClassifier
from sklearn.metrics import classification_report, f1_score
from sklearn.model_selection import train_test_split

SEED = 2024
MAX_TOKENS = 20_000
DATA_DIR = Path(os.environ.get("INTENT_DATA", "data/banking_intents"))
OUT_DIR = Path("artifacts/intent_mlp")

tf.keras.utils.set_random_seed(SEED)


def load_split(name: str):
    df = pd.read_csv(DATA_DIR / f"{name}.csv")
    df = df.dropna(subset=["text", "category"])
    return df["text"].astype(str).str.strip(), df["category"]


train_text, train_label = load_split("train")
test_text, test_label = load_split("test")

classes = sorted(train_label.unique())
label_to_id = {c: i for i, c in enumerate(classes)}
y_full = train_label.map(label_to_id).to_numpy()
y_test = test_label.map(label_to_id).to_numpy()

vectorizer = tf.keras.layers.TextVectorization(
    max_tokens=MAX_TOKENS,
    ngrams=2,
    output_mode="tf_idf",
    standardize="lower_and_strip_punctuation",
)
all_utterances = pd.concat([train_text, test_text], ignore_index=True)
vectorizer.adapt(all_utterances.to_numpy())

x_tr, x_val, y_tr, y_val = train_test_split(
    train_text.to_numpy(), y_full, test_size=0.1, stratify=y_full, random_state=SEED
)


def make_ds(texts, labels, shuffle=False, batch_size=64):
    ds = tf.data.Dataset.from_tensor_slices((texts, labels))
    if shuffle:
        ds = ds.shuffle(len(texts), seed=SEED)
    return ds.batch(batch_size).map(lambda x, y: (vectorizer(x), y)).prefetch(tf.data.AUTOTUNE)


model = tf.keras.Sequential([
    tf.keras.Input(shape=(MAX_TOKENS,)),
    tf.keras.layers.Dropout(0.3),
    tf.keras.layers.Dense(256, activation="relu"),
    tf.keras.layers.Dropout(0.3),
    tf.keras.layers.Dense(len(classes), activation="softmax"),
])
model.compile(
    optimizer=tf.keras.optimizers.Adam(1e-3),
    loss="sparse_categorical_crossentropy",
    metrics=["accuracy"],
)

OUT_DIR.mkdir(parents=True, exist_ok=True)
callbacks = [
    tf.keras.callbacks.EarlyStopping(monitor="val_loss", patience=3, restore_best_weights=True),
    tf.keras.callbacks.ModelCheckpoint(str(OUT_DIR / "best.keras"), monitor="val_loss",
                                       save_best_only=True),
]
history = model.fit(
    make_ds(x_tr, y_tr, shuffle=True),
    validation_data=make_ds(x_val, y_val),
    epochs=30,
    callbacks=callbacks,
)

probs = model.predict(make_ds(test_text.to_numpy(), y_test))
pred = probs.argmax(axis=1)
majority = DummyClassifier(strategy="most_frequent").fit(x_tr, y_tr).predict(test_text.to_numpy())

print(classification_report(y_test, pred, target_names=classes, digits=3))
report = {
    "macro_f1": float(f1_score(y_test, pred, average="macro")),
    "weighted_f1": float(f1_score(y_test, pred, average="weighted")),
    "majority_macro_f1": float(f1_score(y_test, majority, average="macro")),
    "epochs_run": len(history.history["loss"]),
}
print(json.dumps(report, indent=2))
(OUT_DIR / "test_report.json").write_text(json.dumps(report, indent=2))
