import tensorflow as tf
from tensorflow.keras import layers


def build_model(hours: int, n_channels: int, n_static: int, units: int, dropout: float, lr: float):
    seq_in = layers.Input(shape=(hours, 2 * n_channels), name="values_and_mask")
    static_in = layers.Input(shape=(n_static,), name="static")

    x = layers.LSTM(units, return_sequences=True, dropout=dropout)(seq_in)
    x = layers.LSTM(units // 2, dropout=dropout)(x)
    s = layers.Dense(16, activation="relu")(static_in)
    h = layers.Concatenate()([x, s])
    h = layers.Dropout(dropout)(h)
    h = layers.Dense(32, activation="relu")(h)
    out = layers.Dense(1, activation="sigmoid")(h)

    model = tf.keras.Model([seq_in, static_in], out)
    model.compile(
        optimizer=tf.keras.optimizers.Adam(lr),
        loss="binary_crossentropy",
        metrics=[tf.keras.metrics.AUC(name="auc"), tf.keras.metrics.AUC(curve="PR", name="auprc")],
    )
    return model
