from torch import nn


class BagOfEmbeddings(nn.Module):
    def __init__(self, vocab_size: int, n_classes: int, dim: int = 128, hidden: int = 256, dropout: float = 0.3):
        super().__init__()
        self.emb = nn.EmbeddingBag(vocab_size, dim, mode="mean", padding_idx=0)
        self.mlp = nn.Sequential(nn.Linear(dim, hidden), nn.ReLU(), nn.Dropout(dropout), nn.Linear(hidden, n_classes))

    def forward(self, ids, offsets):
        return self.mlp(self.emb(ids, offsets))
