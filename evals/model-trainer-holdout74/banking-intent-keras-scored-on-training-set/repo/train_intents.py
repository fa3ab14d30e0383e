"""Train the banking assistant intent classifier (BiLSTM over TextVectorization tokens)."""
import json
import tomllib
from pathlib import Path

import numpy as np
import pandas as pd
import tensorflow as tf
from sklearn.metrics import classification_report, f1_score
from tensorflow import keras
from tensorflow.keras import layers

cfg = tomllib.loads(Path("config.toml").read_text())
data_cfg, model_cfg, train_cfg = cfg["data"], cfg["model"], cfg["train"]
keras.utils.set_random_seed(train_cfg["seed"])

df = pd.read_csv(data_cfg["examples"]).dropna()
df[data_cfg["text_column"]] = df[data_cfg["text_column"]].str.strip().str.lower()
df = df.drop_duplicates(subset=[data_cfg["text_column"]])
intents = sorted(df[data_cfg["label_column"]].unique())
intent_to_id = {name: i for i, name in enumerate(intents)}
texts = df[data_cfg["text_column"]].to_numpy()
labels = df[data_cfg["label_column"]].map(intent_to_id).to_numpy()
print(f"{len(df)} utterances, {len(intents)} intents")
print(df[data_cfg["label_column"]].value_counts().describe())

vectorizer = layers.TextVectorization(
    max_tokens=model_cfg["max_tokens"],
    output_sequence_length=model_cfg["sequence_length"],
    standardize="lower_and_strip_punctuation",
)
vectorizer.adapt(texts)


def build_model(n_classes):
    inputs = keras.Input(shape=(1,), dtype=tf.string)
    x = vectorizer(inputs)
    x = layers.Embedding(model_cfg["max_tokens"], model_cfg["embedding_dim"], mask_zero=True)(x)
    x = layers.Bidirectional(layers.LSTM(model_cfg["lstm_units"]))(x)
    x = layers.Dropout(model_cfg["dropout"])(x)
    x = layers.Dense(128, activation="relu")(x)
    outputs = layers.Dense(n_classes, activation="softmax")(x)
    model = keras.Model(inputs, outputs)
    model.compile(
        optimizer=keras.optimizers.Adam(train_cfg["learning_rate"]),
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
    )
    return model


model = build_model(len(intents))
model.summary()
dataset = (
    tf.data.Dataset.from_tensor_slices((texts, labels))
    .shuffle(len(texts), seed=train_cfg["seed"])
    .batch(train_cfg["batch_size"])
    .prefetch(tf.data.AUTOTUNE)
)
history = model.fit(dataset, epochs=train_cfg["epochs"])

loss, acc = model.evaluate(tf.data.Dataset.from_tensor_slices((texts, labels)).batch(256))
pred = model.predict(texts, batch_size=256).argmax(axis=1)
macro_f1 = f1_score(labels, pred, average="macro")
print(f"loss={loss:.4f} accuracy={acc:.4f} macro_f1={macro_f1:.4f}")
print(classification_report(labels, pred, target_names=intents, digits=3))

export = Path(train_cfg["export_dir"])
export.mkdir(parents=True, exist_ok=True)
model.save(export / "model.keras")
(export / "intents.json").write_text(json.dumps(intents))
(export / "metrics.json").write_text(json.dumps({"accuracy": acc, "macro_f1": macro_f1, "loss": loss}))
