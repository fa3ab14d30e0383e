"""Escalation detector for marketplace product questions: frozen GloVe + BiLSTM."""
import random

import numpy as np
import pandas as pd
import tensorflow as tf
import yaml
from sklearn.dummy import DummyClassifier
from sklearn.metrics import average_precision_score, f1_score, precision_recall_curve, roc_auc_score
from sklearn.model_selection import train_test_split
from tensorflow import keras
from tensorflow.keras import layers
from tensorflow.keras.preprocessing.sequence import pad_sequences
from tensorflow.keras.preprocessing.text import Tokenizer

from textclf.glove import embedding_matrix, load_glove

cfg = yaml.safe_load(open("config.yaml"))
SEED = cfg["seed"]
random.seed(SEED)
np.random.seed(SEED)
tf.random.set_seed(SEED)

d = cfg["data"]
df = pd.read_csv(d["csv"]).dropna(subset=[d["text"], d["label"]])
texts, labels = df[d["text"]].astype(str).values, df[d["label"]].astype(int).values
X_rest, X_test, y_rest, y_test = train_test_split(texts, labels, test_size=d["test_size"], stratify=labels, random_state=SEED)
X_train, X_val, y_train, y_val = train_test_split(X_rest, y_rest, test_size=d["val_size"], stratify=y_rest, random_state=SEED)

tcfg, ecfg = cfg["tokenizer"], cfg["embeddings"]
tokenizer = Tokenizer(num_words=tcfg["num_words"], oov_token="<oov>")
tokenizer.fit_on_texts(X_train)
seq = lambda xs: pad_sequences(tokenizer.texts_to_sequences(xs), maxlen=tcfg["max_len"], padding="post")
x_train, x_val, x_test = seq(X_train), seq(X_val), seq(X_test)

glove = load_glove(ecfg["glove_path"], ecfg["dim"])
emb, hits = embedding_matrix(tokenizer.word_index, glove, tcfg["num_words"], ecfg["dim"], SEED)
print(f"GloVe coverage: {hits}/{min(len(tokenizer.word_index), tcfg['num_words'])}")

model = keras.Sequential([
    layers.Embedding(tcfg["num_words"], ecfg["dim"], embeddings_initializer=keras.initializers.Constant(emb),
                     trainable=ecfg["trainable"], mask_zero=True),
    layers.Bidirectional(layers.LSTM(96, dropout=0.2)),
    layers.Dropout(0.3),
    layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer=keras.optimizers.Adam(cfg["train"]["lr"]), loss="binary_crossentropy",
              metrics=[keras.metrics.AUC(name="auc"), keras.metrics.AUC(curve="PR", name="pr_auc")])
model.fit(
    x_train, y_train, validation_data=(x_val, y_val),
    epochs=cfg["train"]["epochs"], batch_size=cfg["train"]["batch_size"],
    callbacks=[
        keras.callbacks.EarlyStopping(monitor="val_pr_auc", mode="max", patience=cfg["train"]["patience"], restore_best_weights=True),
        keras.callbacks.ModelCheckpoint(cfg["train"]["checkpoint"], monitor="val_pr_auc", mode="max", save_best_only=True),
    ],
)

val_prob = model.predict(x_val, batch_size=512).ravel()
prec, rec, thr = precision_recall_curve(y_val, val_prob)
threshold = float(thr[np.argmax(2 * prec[:-1] * rec[:-1] / np.clip(prec[:-1] + rec[:-1], 1e-9, None))])

test_prob = model.predict(x_test, batch_size=512).ravel()
prior = DummyClassifier(strategy="prior").fit(x_train, y_train).predict_proba(x_test)[:, 1]
print(f"threshold (val) {threshold:.3f}")
print(f"BiLSTM  ROC-AUC {roc_auc_score(y_test, test_prob):.4f}  PR-AUC {average_precision_score(y_test, test_prob):.4f}  "
      f"F1 {f1_score(y_test, (test_prob >= threshold).astype(int)):.4f}")
print(f"prior   PR-AUC {average_precision_score(y_test, prior):.4f}")
