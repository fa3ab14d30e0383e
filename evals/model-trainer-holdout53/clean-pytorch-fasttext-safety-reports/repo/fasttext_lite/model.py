import torch.nn as nn


class FastTextClassifier(nn.Module):
    def __init__(self, num_embeddings, dim=100, dropout=0.2):
        super().__init__()
        self.bag = nn.EmbeddingBag(num_embeddings, dim, mode="mean", padding_idx=0)
        self.dropout = nn.Dropout(dropout)
        self.head = nn.Linear(dim, 1)

    def forward(self, ids, offsets):
        return self.head(self.dropout(self.bag(ids, offsets))).squeeze(-1)
