from tensorflow import keras
from tensorflow.keras import layers


def build_model(n_frames: int, norm: layers.Normalization, n_classes: int = 24) -> keras.Model:
    inp = keras.Input((n_frames, 12))
    x = norm(inp)
    for filters in (64, 128, 128):
        x = layers.Conv1D(filters, 5, padding="same", use_bias=False)(x)
        x = layers.BatchNormalization()(x)
        x = layers.ReLU()(x)
        x = layers.MaxPool1D(2)(x)
    x = layers.GlobalAveragePooling1D()(x)
    x = layers.Dropout(0.3)(x)
    out = layers.Dense(n_classes, activation="softmax")(x)
    return keras.Model(inp, out)
