"""Load pretrained GloVe vectors into an embedding matrix for a fitted Keras tokenizer."""
import numpy as np


def load_glove(path, dim):
    vectors = {}
    with open(path, encoding="utf8") as fh:
        for line in fh:
            parts = line.rstrip().split(" ")
            if len(parts) == dim + 1:
                vectors[parts[0]] = np.asarray(parts[1:], dtype=np.float32)
    return vectors


def embedding_matrix(word_index, vectors, num_words, dim, seed):
    rng = np.random.default_rng(seed)
    matrix = rng.normal(0.0, 0.1, size=(num_words, dim)).astype(np.float32)
    matrix[0] = 0.0
    hits = 0
    for word, idx in word_index.items():
        if idx < num_words and word in vectors:
            matrix[idx] = vectors[word]
            hits += 1
    return matrix, hits
