import tensorflow as tf


def build_mlp(n_features: int, norm: tf.keras.layers.Layer, units, dropout: float, l2: float,
              lr: float) -> tf.keras.Model:
    inputs = tf.keras.Input(shape=(n_features,), name="features")
    x = norm(inputs)
    for u in units:
        x = tf.keras.layers.Dense(u, kernel_regularizer=tf.keras.regularizers.l2(l2))(x)
        x = tf.keras.layers.BatchNormalization()(x)
        x = tf.keras.layers.Activation("swish")(x)
        x = tf.keras.layers.Dropout(dropout)(x)
    out = tf.keras.layers.Dense(1, name="score")(x)
    model = tf.keras.Model(inputs, out)
    model.compile(optimizer=tf.keras.optimizers.Adam(lr), loss="mse",
                  metrics=[tf.keras.metrics.MeanAbsoluteError()])
    return model
