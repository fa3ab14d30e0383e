import torch
import torch.nn as nn
from torch.nn.utils.rnn import pack_padded_sequence


class CharBiGRU(nn.Module):
    def __init__(self, n_chars, n_classes, emb=64, hidden=128, dropout=0.3):
        super().__init__()
        self.emb = nn.Embedding(n_chars, emb, padding_idx=0)
        self.gru = nn.GRU(emb, hidden, batch_first=True, bidirectional=True)
        self.drop = nn.Dropout(dropout)
        self.out = nn.Linear(2 * hidden, n_classes)

    def forward(self, x, lengths):
        packed = pack_padded_sequence(self.emb(x), lengths.cpu(), batch_first=True, enforce_sorted=False)
        _, h = self.gru(packed)                      # h: 2 x B x H
        h = torch.cat([h[0], h[1]], dim=-1)
        return self.out(self.drop(h))
