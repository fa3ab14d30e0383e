"""Small Keras bag-of-words model used as the reference point for the transformer."""
import tensorflow as tf
from tensorflow import keras


def build_bow_baseline(train_texts, num_classes, max_tokens=20_000):
    vectorize = keras.layers.TextVectorization(max_tokens=max_tokens, output_mode="tf_idf", ngrams=2)
    vectorize.adapt(tf.data.Dataset.from_tensor_slices(train_texts).batch(256))
    inputs = keras.Input(shape=(1,), dtype=tf.string)
    x = vectorize(inputs)
    x = keras.layers.Dropout(0.3)(x)
    outputs = keras.layers.Dense(num_classes, activation="softmax")(x)
    model = keras.Model(inputs, outputs)
    model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="sparse_categorical_crossentropy",
                  metrics=["accuracy"])
    return model
