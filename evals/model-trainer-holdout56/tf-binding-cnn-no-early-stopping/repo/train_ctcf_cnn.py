"""CNN for CTCF binding from 200 bp sequence (ENCODE K562 IDR peaks vs. GC-matched background).

Chromosome hold-out: chr8/chr9 for test, chr7 for validation, everything else for training.
"""
import itertools
import os

import numpy as np
import pandas as pd
import tensorflow as tf
from pyfaidx import Fasta
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score

SEED = 3
SEQ_LEN = 200
TEST_CHROMS = {"chr8", "chr9"}
VAL_CHROMS = {"chr7"}
GENOME = os.environ.get("HG38_FASTA", "ref/hg38.fa")
REGIONS = "data/ctcf_k562_regions.tsv"   # chrom, start, end, label
OUT = "models/ctcf_cnn.keras"

tf.keras.utils.set_random_seed(SEED)
LOOKUP = {b: i for i, b in enumerate("ACGT")}


def one_hot(seq):
    arr = np.zeros((len(seq), 4), dtype=np.float32)
    for i, b in enumerate(seq.upper()):
        j = LOOKUP.get(b)
        if j is not None:
            arr[i, j] = 1.0
    return arr


def load_split(regions, genome):
    seqs = [str(genome[r.chrom][r.start:r.end]) for r in regions.itertuples()]
    X = np.stack([one_hot(s) for s in seqs])
    return X, regions["label"].to_numpy(), seqs


def build_model():
    inp = tf.keras.Input((SEQ_LEN, 4))
    x = tf.keras.layers.Conv1D(128, 19, padding="same", activation="relu")(inp)
    x = tf.keras.layers.MaxPooling1D(4)(x)
    x = tf.keras.layers.Dropout(0.2)(x)
    x = tf.keras.layers.Conv1D(128, 7, padding="same", activation="relu")(x)
    x = tf.keras.layers.GlobalMaxPooling1D()(x)
    x = tf.keras.layers.Dense(64, activation="relu")(x)
    x = tf.keras.layers.Dropout(0.3)(x)
    out = tf.keras.layers.Dense(1, activation="sigmoid")(x)
    model = tf.keras.Model(inp, out)
    model.compile(optimizer=tf.keras.optimizers.Adam(1e-3), loss="binary_crossentropy",
                  metrics=[tf.keras.metrics.AUC(name="auroc"), tf.keras.metrics.AUC(curve="PR", name="auprc")])
    return model


def kmer_baseline(train_seqs, y_train, test_seqs, k=6):
    vocab = ["".join(p) for p in itertools.product("ACGT", repeat=k)]
    vec = CountVectorizer(analyzer="char", ngram_range=(k, k), vocabulary=vocab, lowercase=False)
    clf = LogisticRegression(C=0.1, max_iter=3000)
    clf.fit(vec.transform([s.upper() for s in train_seqs]), y_train)
    return clf.predict_proba(vec.transform([s.upper() for s in test_seqs]))[:, 1]


def main():
    genome = Fasta(GENOME)
    regions = pd.read_csv(REGIONS, sep="\t")
    regions = regions[(regions.end - regions.start) == SEQ_LEN]
    is_test = regions.chrom.isin(TEST_CHROMS)
    is_val = regions.chrom.isin(VAL_CHROMS)
    X_train, y_train, s_train = load_split(regions[~is_test & ~is_val], genome)
    X_val, y_val, _ = load_split(regions[is_val], genome)
    X_test, y_test, s_test = load_split(regions[is_test], genome)
    print(f"train {len(y_train)}, val {len(y_val)}, test {len(y_test)}; positives {y_train.mean():.2f}")

    model = build_model()
    history = model.fit(
        X_train, y_train,
        validation_data=(X_val, y_val),
        epochs=60,
        batch_size=128,
        shuffle=True,
        verbose=2,
    )
    pd.DataFrame(history.history).to_csv("models/ctcf_history.csv", index=False)

    p_cnn = model.predict(X_test, batch_size=512).ravel()
    p_kmer = kmer_baseline(s_train, y_train, s_test)
    for name, p in [("cnn", p_cnn), ("6-mer logreg", p_kmer)]:
        print(f"{name:>13}: AUROC={roc_auc_score(y_test, p):.4f}  AUPRC={average_precision_score(y_test, p):.4f}")
    model.save(OUT)


if __name__ == "__main__":
    main()
