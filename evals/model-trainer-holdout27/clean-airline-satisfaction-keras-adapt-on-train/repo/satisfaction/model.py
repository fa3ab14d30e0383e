import tensorflow as tf
from tensorflow.keras import layers


def build_model(train_inputs: dict, cfg) -> tf.keras.Model:
    """Preprocessing layers learn their statistics from the training split passed in here."""
    num_in = tf.keras.Input(shape=(len(cfg["numeric"]),), name="numeric")
    norm = layers.Normalization()
    norm.adapt(train_inputs["numeric"])
    parts, inputs = [norm(num_in)], {"numeric": num_in}

    for col in cfg["categorical"]:
        inp = tf.keras.Input(shape=(1,), dtype=tf.string, name=col)
        lookup = layers.StringLookup(output_mode="one_hot")
        lookup.adapt(train_inputs[col])
        parts.append(lookup(inp))
        inputs[col] = inp

    x = layers.Concatenate()(parts)
    for width in cfg["train"]["hidden"]:
        x = layers.Dense(width, activation="relu")(x)
        x = layers.Dropout(cfg["train"]["dropout"])(x)
    out = layers.Dense(1, activation="sigmoid")(x)
    model = tf.keras.Model(inputs, out)
    model.compile(
        optimizer=tf.keras.optimizers.Adam(cfg["train"]["learning_rate"]),
        loss="binary_crossentropy",
        metrics=[tf.keras.metrics.AUC(name="auc"), tf.keras.metrics.AUC(curve="PR", name="pr_auc")],
    )
    return model
