"""Keras MLP for aqueous solubility from RDKit descriptors."""
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers

DESCRIPTORS = [
    "MolLogP", "MolWt", "TPSA", "NumRotatableBonds", "NumHDonors", "NumHAcceptors",
    "NumAromaticRings", "FractionCSP3", "HeavyAtomCount", "RingCount", "BertzCT", "LabuteASA",
]


def build_model(descriptor_matrix: np.ndarray, hidden=(256, 128, 64), dropout=0.15, lr=1e-3) -> keras.Model:
    norm = layers.Normalization(axis=-1, name="descriptor_norm")
    norm.adapt(descriptor_matrix)

    inputs = keras.Input(shape=(descriptor_matrix.shape[1],), name="descriptors")
    x = norm(inputs)
    for units in hidden:
        x = layers.Dense(units, activation="relu", kernel_regularizer=keras.regularizers.l2(1e-5))(x)
        x = layers.Dropout(dropout)(x)
    outputs = layers.Dense(1, name="logS")(x)

    model = keras.Model(inputs, outputs, name="esol_mlp")
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=lr),
        loss="mse",
        metrics=[keras.metrics.RootMeanSquaredError(name="rmse"), keras.metrics.MeanAbsoluteError(name="mae")],
    )
    return model
