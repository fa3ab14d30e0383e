import torch.nn as nn


class GRU4Rec(nn.Module):
    def __init__(self, n_items, emb_dim=128, hidden=256, dropout=0.25):
        super().__init__()
        self.emb = nn.Embedding(n_items, emb_dim, padding_idx=0)
        self.emb_drop = nn.Dropout(dropout)
        self.gru = nn.GRU(emb_dim, hidden, batch_first=True)
        self.out_drop = nn.Dropout(dropout)
        self.head = nn.Linear(hidden, n_items)

    def forward(self, seq):
        h, _ = self.gru(self.emb_drop(self.emb(seq)))
        return self.head(self.out_drop(h[:, -1]))
