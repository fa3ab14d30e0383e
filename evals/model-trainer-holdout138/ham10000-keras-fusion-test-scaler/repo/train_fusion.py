"""EfficientNetB1 image branch + patient metadata (age, sex, localization) for HAM10000, 7 classes."""
import numpy as np
import pandas as pd
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers
from sklearn.metrics import balanced_accuracy_score, classification_report, roc_auc_score
from sklearn.model_selection import GroupShuffleSplit
from sklearn.preprocessing import StandardScaler

SEED = 7
IMG_SIZE = 240
BATCH = 32
DATA = "data/HAM10000"
CLASSES = ["akiec", "bcc", "bkl", "df", "mel", "nv", "vasc"]
LOCALIZATIONS = ["abdomen", "acral", "back", "chest", "ear", "face", "foot", "genital", "hand",
                 "lower extremity", "neck", "scalp", "trunk", "unknown", "upper extremity"]

tf.keras.utils.set_random_seed(SEED)


def prepare_meta(df):
    age = df[["age"]].fillna(50.0).to_numpy()
    scaler = StandardScaler()
    age = scaler.fit_transform(age)
    sex = (df["sex"] == "male").to_numpy(dtype="float32")[:, None]
    loc = pd.get_dummies(pd.Categorical(df["localization"], categories=LOCALIZATIONS)).to_numpy(dtype="float32")
    return np.hstack([age, sex, loc]).astype("float32")


def make_ds(df, meta, training):
    paths = (DATA + "/images/" + df["image_id"] + ".jpg").to_numpy()
    labels = df["dx"].map({c: i for i, c in enumerate(CLASSES)}).to_numpy()

    def load(inp, y):
        path, m = inp
        img = tf.io.decode_jpeg(tf.io.read_file(path), channels=3)
        img = tf.image.resize(img, (IMG_SIZE, IMG_SIZE))
        if training:
            img = tf.image.random_flip_left_right(img)
            img = tf.image.random_flip_up_down(img)
            img = tf.image.random_brightness(img, 0.1 * 255)
        return (img, m), y

    ds = tf.data.Dataset.from_tensor_slices(((paths, meta), labels))
    if training:
        ds = ds.shuffle(len(df), seed=SEED)
    return ds.map(load, num_parallel_calls=tf.data.AUTOTUNE).batch(BATCH).prefetch(tf.data.AUTOTUNE)


def build_model(n_meta):
    img_in = keras.Input((IMG_SIZE, IMG_SIZE, 3), name="image")
    meta_in = keras.Input((n_meta,), name="meta")
    base = keras.applications.EfficientNetB1(include_top=False, weights="imagenet", pooling="avg")
    x = layers.Dropout(0.3)(base(img_in))
    m = layers.Dense(64, activation="relu")(meta_in)
    m = layers.BatchNormalization()(m)
    m = layers.Dense(32, activation="relu")(m)
    h = layers.Concatenate()([x, m])
    h = layers.Dense(256, activation="relu")(h)
    h = layers.Dropout(0.3)(h)
    out = layers.Dense(len(CLASSES), activation="softmax")(h)
    model = keras.Model([img_in, meta_in], out)
    model.compile(optimizer=keras.optimizers.Adam(1e-4), loss="sparse_categorical_crossentropy",
                  metrics=["accuracy"])
    return model


def main():
    df = pd.read_csv(f"{DATA}/HAM10000_metadata.csv")
    gss = GroupShuffleSplit(n_splits=1, test_size=0.2, random_state=SEED)
    dev_idx, test_idx = next(gss.split(df, groups=df["lesion_id"]))
    dev, test = df.iloc[dev_idx], df.iloc[test_idx]
    gss = GroupShuffleSplit(n_splits=1, test_size=0.15, random_state=SEED)
    tr_idx, va_idx = next(gss.split(dev, groups=dev["lesion_id"]))
    train, val = dev.iloc[tr_idx], dev.iloc[va_idx]

    m_train, m_val, m_test = prepare_meta(train), prepare_meta(val), prepare_meta(test)
    train_ds = make_ds(train, m_train, training=True)
    val_ds = make_ds(val, m_val, training=False)
    test_ds = make_ds(test, m_test, training=False)

    counts = train["dx"].value_counts().reindex(CLASSES).to_numpy()
    class_weight = {i: len(train) / (len(CLASSES) * c) for i, c in enumerate(counts)}

    model = build_model(m_train.shape[1])
    model.fit(
        train_ds, validation_data=val_ds, epochs=30, class_weight=class_weight,
        callbacks=[
            keras.callbacks.EarlyStopping(monitor="val_loss", patience=5, restore_best_weights=True),
            keras.callbacks.ReduceLROnPlateau(monitor="val_loss", factor=0.5, patience=2),
        ],
    )

    y_test = test["dx"].map({c: i for i, c in enumerate(CLASSES)}).to_numpy()
    proba = model.predict(test_ds)
    print("balanced acc:", balanced_accuracy_score(y_test, proba.argmax(1)))
    print("macro AUC (ovr):", roc_auc_score(y_test, proba, multi_class="ovr"))
    print(classification_report(y_test, proba.argmax(1), target_names=CLASSES, digits=3))
    model.save("effb1_meta_fusion.keras")


if __name__ == "__main__":
    main()
