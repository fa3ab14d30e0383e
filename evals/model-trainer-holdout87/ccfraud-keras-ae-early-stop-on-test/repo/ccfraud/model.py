from tensorflow import keras
from tensorflow.keras import layers, regularizers


def build_autoencoder(n_features, dims=(20, 10, 5), l1=1e-5):
    inp = keras.Input(shape=(n_features,))
    x = layers.Dense(dims[0], activation="tanh", activity_regularizer=regularizers.l1(l1))(inp)
    for d in dims[1:]:
        x = layers.Dense(d, activation="relu")(x)
    for d in reversed(dims[:-1]):
        x = layers.Dense(d, activation="relu")(x)
    out = layers.Dense(n_features, activation="linear")(x)
    model = keras.Model(inp, out)
    model.compile(optimizer="adam", loss="mse")
    return model
