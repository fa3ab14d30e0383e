import torch.nn as nn


class BagClassifier(nn.Module):
    def __init__(self, vocab_size, dim, n_classes, dropout=0.3):
        super().__init__()
        self.embed = nn.EmbeddingBag(vocab_size, dim, mode="mean", padding_idx=0)
        self.head = nn.Sequential(
            nn.Dropout(dropout),
            nn.Linear(dim, dim),
            nn.ReLU(),
            nn.Dropout(dropout),
            nn.Linear(dim, n_classes),
        )

    def forward(self, tokens, offsets):
        return self.head(self.embed(tokens, offsets))
