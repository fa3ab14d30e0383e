from tensorflow import keras
from tensorflow.keras import layers


def build(vectorizer: layers.TextVectorization, emb_dim: int = 48) -> keras.Model:
    vocab_size = vectorizer.vocabulary_size()
    inp = keras.Input(shape=(1,), dtype="string")
    x = vectorizer(inp)
    x = layers.Embedding(vocab_size, emb_dim, mask_zero=True)(x)
    x = layers.Conv1D(64, 5, padding="same", activation="relu")(x)
    x = layers.GlobalMaxPooling1D()(x)
    x = layers.Dropout(0.3)(x)
    x = layers.Dense(32, activation="relu")(x)
    out = layers.Dense(1, activation="sigmoid")(x)
    model = keras.Model(inp, out)
    model.compile(optimizer="adam", loss="binary_crossentropy",
                  metrics=[keras.metrics.AUC(name="auc"), keras.metrics.AUC(curve="PR", name="pr_auc")])
    return model
