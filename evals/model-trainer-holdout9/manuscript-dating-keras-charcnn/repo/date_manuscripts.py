"""Estimate the composition year of medieval charters from diplomatic transcriptions.

Character n-grams capture abbreviation habits and spelling drift, which shift over decades.
"""
import argparse

import keras
import numpy as np
import pandas as pd
from keras import layers

keras.utils.set_random_seed(1307)


def build_model(vectorizer, vocab_size):
    inputs = keras.Input(shape=(1,), dtype="string")
    x = vectorizer(inputs)
    x = layers.Embedding(vocab_size, 64)(x)
    x = layers.Conv1D(128, 7, activation="relu")(x)
    x = layers.MaxPooling1D(3)(x)
    x = layers.Conv1D(128, 5, activation="relu")(x)
    x = layers.GlobalMaxPooling1D()(x)
    x = layers.Dense(64, activation="relu")(x)
    x = layers.Dropout(0.3)(x)
    outputs = layers.Dense(1)(x)
    model = keras.Model(inputs, outputs)
    model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="huber", metrics=["mae"])
    return model


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default="data/charters.tsv")
    ap.add_argument("--epochs", type=int, default=25)
    args = ap.parse_args()

    charters = pd.read_csv(args.corpus, sep="\t").dropna(subset=["text", "year"])
    texts = charters["text"].str.lower().to_numpy()
    year_mean, year_std = charters["year"].mean(), charters["year"].std()
    years = ((charters["year"] - year_mean) / year_std).to_numpy("float32")

    vectorizer = layers.TextVectorization(max_tokens=8000, split="character", ngrams=3,
                                          output_sequence_length=1500)
    vectorizer.adapt(texts)
    model = build_model(vectorizer, vocab_size=8000)

    model.fit(texts, years, batch_size=32, epochs=args.epochs)
    loss, mae = model.evaluate(texts, years)
    pred_years = model.predict(texts).ravel() * year_std + year_mean
    abs_err = np.abs(pred_years - charters["year"].to_numpy())
    print(f"MAE: {mae * year_std:.1f} years, median abs error {np.median(abs_err):.1f} years, "
          f"within 25 years: {(abs_err <= 25).mean():.1%}")
    model.save("charter_dating.keras")


if __name__ == "__main__":
    main()
