from tensorflow import keras


def build_model(norm: keras.layers.Normalization, n_num: int, n_cat: int, lr: float) -> keras.Model:
    num_in = keras.Input(shape=(n_num,), name="numeric")
    cat_in = keras.Input(shape=(n_cat,), name="categorical")
    x = keras.layers.concatenate([norm(num_in), cat_in])
    x = keras.layers.Dense(128, activation="relu")(x)
    x = keras.layers.BatchNormalization()(x)
    x = keras.layers.Dropout(0.3)(x)
    x = keras.layers.Dense(64, activation="relu")(x)
    x = keras.layers.Dropout(0.2)(x)
    out = keras.layers.Dense(1, activation="sigmoid")(x)
    model = keras.Model([num_in, cat_in], out)
    model.compile(
        optimizer=keras.optimizers.Adam(lr),
        loss="binary_crossentropy",
        metrics=[keras.metrics.AUC(name="auc"), keras.metrics.AUC(curve="PR", name="pr_auc")],
    )
    return model
