"""Hand-printed character classifier for boxed form fields, evaluated on unseen writers."""
import json

import numpy as np
import tensorflow as tf
from sklearn.metrics import f1_score, top_k_accuracy_score
from sklearn.neighbors import KNeighborsClassifier

from handprint.data import augmenter, load_crops, make_dataset, writer_disjoint_split

cfg = json.load(open("experiment.json"))
tf.keras.utils.set_random_seed(cfg["seed"])

x, y, writers, classes = load_crops(cfg["crops_npz"])
tr, va, te = writer_disjoint_split(y, writers, cfg["seed"])
print(f"train {len(tr)}  val {len(va)}  test {len(te)}  writers {len(set(writers))}")

norm = tf.keras.layers.Normalization(axis=None)
norm.adapt(x[tr])

inputs = tf.keras.Input((cfg["img_size"], cfg["img_size"], 1))
h = norm(inputs)
for f in (32, 64, 128):
    h = tf.keras.layers.Conv2D(f, 3, padding="same", use_bias=False)(h)
    h = tf.keras.layers.BatchNormalization()(h)
    h = tf.keras.layers.ReLU()(h)
    h = tf.keras.layers.MaxPooling2D()(h)
h = tf.keras.layers.Flatten()(h)
h = tf.keras.layers.Dropout(0.4)(h)
outputs = tf.keras.layers.Dense(len(classes), activation="softmax")(h)
model = tf.keras.Model(inputs, outputs)
model.compile(tf.keras.optimizers.Adam(cfg["learning_rate"]), "sparse_categorical_crossentropy",
              metrics=["sparse_categorical_accuracy"])

train_ds = make_dataset(x[tr], y[tr], cfg["batch_size"], cfg["seed"], augment=augmenter(cfg["seed"]), shuffle=True)
val_ds = make_dataset(x[va], y[va], cfg["batch_size"], cfg["seed"])
model.fit(
    train_ds,
    validation_data=val_ds,
    epochs=cfg["epochs"],
    callbacks=[
        tf.keras.callbacks.EarlyStopping(patience=cfg["patience"], restore_best_weights=True),
        tf.keras.callbacks.ModelCheckpoint(cfg["checkpoint"], save_best_only=True),
    ],
    verbose=2,
)

knn = KNeighborsClassifier(n_neighbors=5).fit(x[tr].reshape(len(tr), -1), y[tr])
proba_knn = knn.predict_proba(x[te].reshape(len(te), -1))
proba_cnn = model.predict(x[te], batch_size=512)
labels = np.arange(len(classes))
for name, proba in [("knn-pixels", proba_knn), ("cnn", proba_cnn)]:
    pred = proba.argmax(1)
    print(f"{name:>10}: macro-F1 {f1_score(y[te], pred, average='macro', labels=labels):.4f}  "
          f"top-3 acc {top_k_accuracy_score(y[te], proba, k=3, labels=labels):.4f}")
