import tensorflow as tf
from tensorflow.keras import layers


def conv2plus1d(x, filters, stride=1):
    x = layers.Conv3D(filters, (1, 3, 3), strides=(1, stride, stride), padding="same", use_bias=False)(x)
    x = layers.BatchNormalization()(x)
    x = layers.ReLU()(x)
    x = layers.Conv3D(filters, (3, 1, 1), padding="same", use_bias=False)(x)
    x = layers.BatchNormalization()(x)
    return layers.ReLU()(x)


def build_model(frames, size, num_classes, lr):
    inp = tf.keras.Input((frames, size, size, 3))
    x = conv2plus1d(inp, 32, stride=2)
    x = layers.MaxPool3D((1, 2, 2))(x)
    for f in (64, 128, 256):
        x = conv2plus1d(x, f, stride=2)
    x = layers.GlobalAveragePooling3D()(x)
    x = layers.Dropout(0.4)(x)
    out = layers.Dense(num_classes, activation="softmax")(x)
    model = tf.keras.Model(inp, out)
    model.compile(optimizer=tf.keras.optimizers.Adam(lr), loss="sparse_categorical_crossentropy",
                  metrics=["accuracy", tf.keras.metrics.SparseTopKCategoricalAccuracy(k=2, name="top2")])
    return model
