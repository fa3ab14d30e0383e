import tensorflow as tf

from .schema import CATEGORICAL, CROSSES, NUMERICAL


def build_wide_and_deep(vocabularies, emb_dim=8, hash_bins=2000):
    inputs = {c: tf.keras.Input(shape=(1,), dtype=tf.string, name=c) for c in CATEGORICAL}
    num_in = tf.keras.Input(shape=(len(NUMERICAL),), name="numeric")
    inputs["numeric"] = num_in

    lookups = {c: tf.keras.layers.StringLookup(vocabulary=vocabularies[c], name=f"lk_{c}") for c in CATEGORICAL}

    # wide part: one-hot categoricals + hashed crosses
    wide = [tf.keras.layers.CategoryEncoding(len(vocabularies[c]) + 1, output_mode="one_hot")(lookups[c](inputs[c]))
            for c in CATEGORICAL]
    for a, b in CROSSES:
        crossed = tf.keras.layers.HashedCrossing(num_bins=hash_bins, output_mode="one_hot")((inputs[a], inputs[b]))
        wide.append(crossed)
    wide_logit = tf.keras.layers.Dense(1)(tf.keras.layers.Concatenate()(wide))

    # deep part: embeddings + log-scaled numerics
    deep = [tf.keras.layers.Flatten()(tf.keras.layers.Embedding(len(vocabularies[c]) + 1, emb_dim)(lookups[c](inputs[c])))
            for c in CATEGORICAL]
    deep.append(tf.math.log1p(num_in))
    x = tf.keras.layers.Concatenate()(deep)
    for units in (128, 64):
        x = tf.keras.layers.Dense(units, activation="relu")(x)
        x = tf.keras.layers.Dropout(0.2)(x)
    deep_logit = tf.keras.layers.Dense(1)(x)

    out = tf.keras.layers.Activation("sigmoid")(tf.keras.layers.Add()([wide_logit, deep_logit]))
    model = tf.keras.Model(inputs, out)
    model.compile(optimizer="adam", loss="binary_crossentropy",
                  metrics=[tf.keras.metrics.AUC(name="auc"), tf.keras.metrics.Precision(name="precision"),
                           tf.keras.metrics.Recall(name="recall")])
    return model
