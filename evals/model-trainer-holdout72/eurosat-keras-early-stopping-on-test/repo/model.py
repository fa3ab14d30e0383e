import tensorflow as tf
from tensorflow.keras import layers


def augmentation():
    return tf.keras.Sequential([
        layers.RandomFlip("horizontal_and_vertical"),
        layers.RandomRotation(0.25, fill_mode="reflect"),
    ], name="augment")


def build_classifier(image_size, n_classes, backbone="efficientnetb0", dropout=0.3):
    inputs = tf.keras.Input(shape=(image_size, image_size, 3))
    x = augmentation()(inputs)
    if backbone == "efficientnetb0":
        base = tf.keras.applications.EfficientNetB0(include_top=False, weights="imagenet",
                                                    input_tensor=x)
    else:
        raise ValueError(f"unknown backbone {backbone}")
    base.trainable = True
    x = layers.GlobalAveragePooling2D()(base.output)
    x = layers.Dropout(dropout)(x)
    outputs = layers.Dense(n_classes, activation="softmax")(x)
    return tf.keras.Model(inputs, outputs, name=f"eurosat_{backbone}")
