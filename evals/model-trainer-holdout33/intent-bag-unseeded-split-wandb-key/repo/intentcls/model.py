import torch.nn as nn


class BagOfEmbeddings(nn.Module):
    def __init__(self, vocab_size, emb_dim, hidden, n_classes, dropout):
        super().__init__()
        self.emb = nn.EmbeddingBag(vocab_size, emb_dim, mode="mean", padding_idx=0)
        self.mlp = nn.Sequential(
            nn.Linear(emb_dim, hidden), nn.ReLU(), nn.Dropout(dropout), nn.Linear(hidden, n_classes)
        )

    def forward(self, flat, offsets):
        return self.mlp(self.emb(flat, offsets))
