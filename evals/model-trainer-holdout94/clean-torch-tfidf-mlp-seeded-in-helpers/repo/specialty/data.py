"""TF-IDF features for transcription notes, served to PyTorch as dense mini-batches."""
import numpy as np
import torch
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from torch.utils.data import Dataset


class SparseRowDataset(Dataset):
    def __init__(self, X: sparse.csr_matrix, y: np.ndarray):
        self.X = X.tocsr().astype(np.float32)
        self.y = torch.as_tensor(y, dtype=torch.long)

    def __len__(self):
        return self.X.shape[0]

    def __getitem__(self, idx):
        row = torch.from_numpy(self.X[idx].toarray().ravel())
        return row, self.y[idx]


def make_vectorizer(cfg: dict) -> TfidfVectorizer:
    return TfidfVectorizer(
        ngram_range=tuple(cfg["ngram_range"]),
        min_df=cfg["min_df"],
        max_features=cfg["max_features"],
        sublinear_tf=True,
        stop_words="english",
    )
