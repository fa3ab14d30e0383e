import numpy as np
import tensorflow as tf
import wandb
import yaml
from sklearn.metrics import classification_report, f1_score
from sklearn.utils.class_weight import compute_class_weight
from tensorflow import keras
from tensorflow.keras import layers
from wandb.keras import WandbMetricsLogger

from data_utils import PATTERNS, load_wafers, lot_split, maps_to_array

with open("config.yaml") as f:
    cfg = yaml.safe_load(f)

keras.utils.set_random_seed(cfg["seed"])
wandb.login(key=cfg["wandb"]["api_key"])
run = wandb.init(entity=cfg["wandb"]["entity"], project=cfg["wandb"]["project"], name=cfg["experiment"], config=cfg)

df = load_wafers(cfg["data"]["pickle"])
train_df, test_df = lot_split(df, cfg["data"]["test_frac"], cfg["seed"])
train_df, val_df = lot_split(train_df, cfg["data"]["val_frac"], cfg["seed"])

size = cfg["data"]["img_size"]
X_train, X_val, X_test = (maps_to_array(d["waferMap"], size) for d in (train_df, val_df, test_df))
y_train, y_val, y_test = (d["y"].to_numpy() for d in (train_df, val_df, test_df))

cw = compute_class_weight("balanced", classes=np.arange(len(PATTERNS)), y=y_train)
class_weight = dict(enumerate(cw))


def build_model(size, n_classes):
    inp = keras.Input((size, size, 1))
    x = inp
    for filters in (32, 64, 128):
        x = layers.Conv2D(filters, 3, padding="same", activation="relu")(x)
        x = layers.BatchNormalization()(x)
        x = layers.MaxPooling2D()(x)
    x = layers.GlobalAveragePooling2D()(x)
    x = layers.Dropout(0.4)(x)
    out = layers.Dense(n_classes, activation="softmax")(x)
    return keras.Model(inp, out)


model = build_model(size, len(PATTERNS))
model.compile(optimizer=keras.optimizers.Adam(cfg["train"]["lr"]),
              loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(
    X_train, y_train,
    validation_data=(X_val, y_val),
    batch_size=cfg["train"]["batch_size"],
    epochs=cfg["train"]["epochs"],
    class_weight=class_weight,
    callbacks=[
        keras.callbacks.EarlyStopping(monitor="val_loss", patience=cfg["train"]["patience"], restore_best_weights=True),
        WandbMetricsLogger(),
    ],
)

y_pred = model.predict(X_test, batch_size=256).argmax(axis=1)
macro_f1 = f1_score(y_test, y_pred, average="macro")
print(classification_report(y_test, y_pred, target_names=PATTERNS, digits=3))
run.summary["test_macro_f1"] = macro_f1
model.save(f"{cfg['experiment']}.keras")
run.finish()
