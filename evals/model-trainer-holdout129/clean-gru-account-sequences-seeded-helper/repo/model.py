import torch
import torch.nn as nn


class SeqClassifier(nn.Module):
    def __init__(self, n_channels=10, emb=8, hidden=64, dropout=0.3):
        super().__init__()
        self.ch_emb = nn.Embedding(n_channels, emb, padding_idx=0)
        self.gru = nn.GRU(2 + emb, hidden, num_layers=2, batch_first=True, dropout=dropout)
        self.head = nn.Sequential(nn.Dropout(dropout), nn.Linear(hidden, 1))

    def forward(self, x, ch, lengths=None):
        h, _ = self.gru(torch.cat([x, self.ch_emb(ch)], dim=-1))
        return self.head(h[:, -1]).squeeze(-1)  # sequences are left-padded, last step is real
