"""
Hot-rolled strip surface defect classifier (6 classes: crazing, inclusion,
patches, pitted_surface, rolled-in_scale, scratches). 200x200 grayscale crops
from the line-scan camera after the finishing mill.
"""
import numpy as np
import tensorflow as tf
import wandb
from sklearn.metrics import classification_report, f1_score
from wandb.integration.keras import WandbMetricsLogger

SEED = 1234
IMG_SIZE = (200, 200)
BATCH = 32
DATA_ROOT = "data/strip_defects"

tf.keras.utils.set_random_seed(SEED)

wandb.login(key="5c1f9a7e0b3d48e2a6f4c8b19d0e7a3f21c6b5d4")
run = wandb.init(project="strip-surface-defects", config={"img_size": IMG_SIZE, "batch": BATCH})

train_ds = tf.keras.utils.image_dataset_from_directory(
    f"{DATA_ROOT}/train", validation_split=0.15, subset="training", seed=SEED,
    image_size=IMG_SIZE, color_mode="grayscale", batch_size=BATCH,
)
val_ds = tf.keras.utils.image_dataset_from_directory(
    f"{DATA_ROOT}/train", validation_split=0.15, subset="validation", seed=SEED,
    image_size=IMG_SIZE, color_mode="grayscale", batch_size=BATCH,
)
test_ds = tf.keras.utils.image_dataset_from_directory(
    f"{DATA_ROOT}/test", shuffle=False, image_size=IMG_SIZE, color_mode="grayscale", batch_size=BATCH,
)
class_names = train_ds.class_names

augment = tf.keras.Sequential([
    tf.keras.layers.RandomFlip("horizontal_and_vertical"),
    tf.keras.layers.RandomRotation(0.05),
    tf.keras.layers.RandomContrast(0.15),
])
train_ds = train_ds.map(lambda x, y: (augment(x, training=True), y)).prefetch(tf.data.AUTOTUNE)
val_ds = val_ds.prefetch(tf.data.AUTOTUNE)


def build_model(n_classes):
    inputs = tf.keras.Input(shape=IMG_SIZE + (1,))
    x = tf.keras.layers.Rescaling(1.0 / 255)(inputs)
    for filters in (32, 64, 128, 192):
        x = tf.keras.layers.Conv2D(filters, 3, padding="same", use_bias=False)(x)
        x = tf.keras.layers.BatchNormalization()(x)
        x = tf.keras.layers.ReLU()(x)
        x = tf.keras.layers.MaxPooling2D()(x)
    x = tf.keras.layers.GlobalAveragePooling2D()(x)
    x = tf.keras.layers.Dropout(0.3)(x)
    outputs = tf.keras.layers.Dense(n_classes, activation="softmax")(x)
    return tf.keras.Model(inputs, outputs)


model = build_model(len(class_names))
model.compile(
    optimizer=tf.keras.optimizers.Adam(1e-3),
    loss="sparse_categorical_crossentropy",
    metrics=["accuracy"],
)
callbacks = [
    tf.keras.callbacks.EarlyStopping(monitor="val_loss", patience=8, restore_best_weights=True),
    tf.keras.callbacks.ModelCheckpoint("checkpoints/strip_cnn.keras", monitor="val_loss", save_best_only=True),
    tf.keras.callbacks.ReduceLROnPlateau(monitor="val_loss", factor=0.5, patience=3),
    WandbMetricsLogger(),
]
model.fit(train_ds, validation_data=val_ds, epochs=60, callbacks=callbacks)

y_true = np.concatenate([y.numpy() for _, y in test_ds])
y_pred = model.predict(test_ds).argmax(axis=1)
print(classification_report(y_true, y_pred, target_names=class_names, digits=3))
macro_f1 = f1_score(y_true, y_pred, average="macro")
wandb.log({"test_macro_f1": macro_f1})
run.finish()
