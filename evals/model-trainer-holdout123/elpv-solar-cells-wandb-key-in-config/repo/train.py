import argparse

import wandb
import yaml
from sklearn.metrics import classification_report, roc_auc_score
from sklearn.model_selection import train_test_split
from tensorflow import keras
from wandb.integration.keras import WandbMetricsLogger

from data import load_elpv, make_dataset


def build_model(size, fine_tune_from):
    base = keras.applications.EfficientNetB0(include_top=False, weights="imagenet", input_shape=(size, size, 3))
    for layer in base.layers[:fine_tune_from]:
        layer.trainable = False
    inputs = keras.Input((size, size, 3))
    x = base(inputs)
    x = keras.layers.GlobalAveragePooling2D()(x)
    x = keras.layers.Dropout(0.3)(x)
    outputs = keras.layers.Dense(1, activation="sigmoid")(x)
    return keras.Model(inputs, outputs)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", default="config.yaml")
    cfg = yaml.safe_load(open(ap.parse_args().config))
    seed = cfg["seed"]
    keras.utils.set_random_seed(seed)

    wandb.login(key=cfg["wandb"]["api_key"])
    run = wandb.init(project=cfg["wandb"]["project"], entity=cfg["wandb"]["entity"], config=cfg)

    d, s, t = cfg["data"], cfg["split"], cfg["train"]
    df = load_elpv(d["root"], d["labels_file"], d["defect_threshold"])
    strat = df["label"].astype(str) + "_" + df["type"]          # keep mono/poly balanced too
    trval, test = train_test_split(df, test_size=s["test_size"], stratify=strat, random_state=seed)
    train, val = train_test_split(trval, test_size=s["val_size"], stratify=strat.loc[trval.index],
                                  random_state=seed)

    train_ds = make_dataset(train, d["image_size"], t["batch_size"], training=True, seed=seed)
    val_ds = make_dataset(val, d["image_size"], t["batch_size"])
    test_ds = make_dataset(test, d["image_size"], t["batch_size"])

    model = build_model(d["image_size"], t["fine_tune_from"])
    model.compile(optimizer=keras.optimizers.Adam(t["lr"]), loss="binary_crossentropy",
                  metrics=[keras.metrics.AUC(name="auc"), keras.metrics.Recall(name="recall")])
    pos = train["label"].mean()
    model.fit(train_ds, validation_data=val_ds, epochs=t["epochs"],
              class_weight={0: 0.5 / (1 - pos), 1: 0.5 / pos},
              callbacks=[keras.callbacks.EarlyStopping("val_auc", mode="max", patience=6,
                                                       restore_best_weights=True),
                         WandbMetricsLogger()])

    prob = model.predict(test_ds).ravel()
    y_test = test["label"].values
    print(classification_report(y_test, (prob >= 0.5).astype(int), target_names=["functional", "defective"]))
    test_auc = roc_auc_score(y_test, prob)
    print("test ROC AUC:", round(test_auc, 4))
    run.summary["test_auc"] = test_auc
    run.finish()


if __name__ == "__main__":
    main()
