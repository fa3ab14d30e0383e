import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers


def build_lstm_autoencoder(length, n_features, lstm_units=64, latent_dim=16, lr=1e-3):
    inputs = keras.Input(shape=(length, n_features))
    x = layers.LSTM(lstm_units, return_sequences=True)(inputs)
    x = layers.LSTM(latent_dim)(x)
    x = layers.RepeatVector(length)(x)
    x = layers.LSTM(latent_dim, return_sequences=True)(x)
    x = layers.LSTM(lstm_units, return_sequences=True)(x)
    outputs = layers.TimeDistributed(layers.Dense(n_features))(x)
    model = keras.Model(inputs, outputs, name="lstm_ae")
    model.compile(optimizer=keras.optimizers.Adam(lr), loss="mse")
    return model


def window_errors(model, X, batch_size=1024):
    recon = model.predict(X, batch_size=batch_size, verbose=0)
    return tf.reduce_mean(tf.square(recon - X), axis=[1, 2]).numpy()
