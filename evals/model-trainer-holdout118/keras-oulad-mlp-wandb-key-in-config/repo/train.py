import yaml
import tensorflow as tf
import wandb
from sklearn.metrics import average_precision_score, roc_auc_score
from wandb.keras import WandbMetricsLogger

from data import load_splits

with open("config.yaml") as f:
    cfg = yaml.safe_load(f)

tf.keras.utils.set_random_seed(cfg["train"]["seed"])

wandb.login(key=cfg["wandb"]["api_key"])
run = wandb.init(project=cfg["wandb"]["project"], entity=cfg["wandb"]["entity"], config=cfg)

(X_train, y_train), (X_val, y_val), (X_test, y_test) = load_splits(cfg["data"], cfg["train"]["seed"])


def build_mlp(n_features, hidden, dropout, l2):
    inputs = tf.keras.Input(shape=(n_features,))
    x = inputs
    for units in hidden:
        x = tf.keras.layers.Dense(units, activation="relu",
                                  kernel_regularizer=tf.keras.regularizers.l2(l2))(x)
        x = tf.keras.layers.BatchNormalization()(x)
        x = tf.keras.layers.Dropout(dropout)(x)
    outputs = tf.keras.layers.Dense(1, activation="sigmoid")(x)
    return tf.keras.Model(inputs, outputs)


model = build_mlp(X_train.shape[1], **cfg["model"])
model.compile(
    optimizer=tf.keras.optimizers.Adam(cfg["train"]["lr"]),
    loss="binary_crossentropy",
    metrics=[tf.keras.metrics.AUC(name="auc"), tf.keras.metrics.Recall(name="recall")],
)
model.fit(
    X_train, y_train,
    validation_data=(X_val, y_val),
    epochs=cfg["train"]["epochs"],
    batch_size=cfg["train"]["batch_size"],
    callbacks=[
        tf.keras.callbacks.EarlyStopping(monitor="val_auc", mode="max",
                                         patience=cfg["train"]["patience"], restore_best_weights=True),
        WandbMetricsLogger(),
    ],
    verbose=2,
)

proba = model.predict(X_test, batch_size=1024).ravel()
test_metrics = {"test_roc_auc": roc_auc_score(y_test, proba),
                "test_pr_auc": average_precision_score(y_test, proba)}
print(test_metrics)
run.log(test_metrics)
model.save("artifacts/oulad_mlp.keras")
run.finish()
