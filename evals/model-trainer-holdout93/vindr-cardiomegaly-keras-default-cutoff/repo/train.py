"""Cardiomegaly vs. no cardiomegaly on VinDr-CXR with an ImageNet DenseNet-121."""
import json

import numpy as np
import tensorflow as tf
from sklearn.dummy import DummyClassifier
from sklearn.metrics import confusion_matrix, f1_score, roc_auc_score
from tensorflow import keras

from data_utils import load_labels, make_dataset, set_seeds, split_frame

with open("config.json") as f:
    cfg = json.load(f)
set_seeds(cfg["seed"])

labels = load_labels(cfg["labels_csv"])
print("positives:", int(labels.label.sum()), "of", len(labels))
train_df, val_df, test_df = split_frame(labels, cfg["test_size"], cfg["val_size"], cfg["seed"])

size, bs = cfg["image_size"], cfg["batch_size"]
train_ds = make_dataset(train_df, cfg["image_dir"], size, bs, training=True)
val_ds = make_dataset(val_df, cfg["image_dir"], size, bs, training=False)
test_ds = make_dataset(test_df, cfg["image_dir"], size, bs, training=False)

backbone = keras.applications.DenseNet121(include_top=False, weights="imagenet", input_shape=(size, size, 3), pooling="avg")
inputs = keras.Input((size, size, 3))
x = backbone(inputs)
x = keras.layers.Dropout(0.25)(x)
outputs = keras.layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(inputs, outputs)
model.compile(
    optimizer=keras.optimizers.Adam(cfg["learning_rate"]),
    loss="binary_crossentropy",
    metrics=[keras.metrics.AUC(name="auc"), keras.metrics.Precision(name="precision"), keras.metrics.Recall(name="recall")],
)

pos_rate = train_df.label.mean()
model.fit(
    train_ds,
    validation_data=val_ds,
    epochs=cfg["epochs"],
    class_weight={0: 0.5 / (1 - pos_rate), 1: 0.5 / pos_rate},
    callbacks=[
        keras.callbacks.EarlyStopping(monitor="val_auc", mode="max", patience=cfg["patience"], restore_best_weights=True),
        keras.callbacks.ModelCheckpoint(cfg["checkpoint"], monitor="val_auc", mode="max", save_best_only=True),
    ],
)

test_prob = model.predict(test_ds).ravel()
y_test = test_df.label.values
y_pred = (test_prob > 0.5).astype(int)
tn, fp, fn, tp = confusion_matrix(y_test, y_pred).ravel()
metrics = {
    "auroc": roc_auc_score(y_test, test_prob),
    "sensitivity": tp / (tp + fn),
    "specificity": tn / (tn + fp),
    "f1": f1_score(y_test, y_pred),
}

dummy = DummyClassifier(strategy="stratified", random_state=cfg["seed"]).fit(np.zeros((len(train_df), 1)), train_df.label)
metrics["dummy_auroc"] = roc_auc_score(y_test, dummy.predict_proba(np.zeros((len(y_test), 1)))[:, 1])
print(json.dumps(metrics, indent=2))
